// Adds to the time-zone form a button that shows the agenda in the viewer's own zone (as the browser knows it).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("form.zone-control");
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!form || !zone) return;
    const button = document.createElement("button");
    button.type = "button";
    button.id = "my-zone";
    button.textContent = "Show in my time zone (" + zone + ")";
    button.addEventListener("click", () => {
        const target = new URL(form.getAttribute("action"), window.location.href);
        target.searchParams.set("tz", zone);
        window.location.assign(target.toString());
    });
    form.appendChild(document.createTextNode(" "));
    form.appendChild(button);
});
