// The attendee's page: the token pasted here stays in this tab's sessionStorage and goes to the API as a
// bearer header only, never in a cookie or a URL. Everything shown is built with textContent, never as HTML.
"use strict";
const tokenKey = "eventsd.token";
const answers = [["accepted", "Accept"], ["tentative", "Tentative"], ["declined", "Decline"]];

function element(tag, properties = {}, children = []) {
    const node = document.createElement(tag);
    Object.assign(node, properties);
    for (const child of children) node.append(child);
    return node;
}

async function api(path, options = {}) {
    const token = sessionStorage.getItem(tokenKey);
    if (!token) {
        const error = new Error("You are signed out.");
        error.status = 401;
        throw error;
    }
    const headers = { Accept: "application/json", Authorization: "Bearer " + token };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method: options.method || "GET", headers, body: options.body, cache: "no-store" });
    const body = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
        const error = new Error((body && (body.detail || body.title)) || response.statusText);
        error.status = response.status;
        throw error;
    }
    return body;
}

function when(session, zone) {
    const day = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short", year: "numeric" });
    const time = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    const start = new Date(session.startsAt);
    return day.format(start) + ", " + time.format(start) + "–" + time.format(new Date(session.endsAt)) + " (" + zone + ")";
}

/// The daemon's seat decision as words: "confirmed", "waitlisted, position 1", "refused".
function seat(rsvp) {
    if (!rsvp || !rsvp.decision) return "";
    if (rsvp.decision === "waitlisted" && rsvp.waitlistPosition) return "waitlisted, position " + rsvp.waitlistPosition;
    return rsvp.decision;
}

function status(text) {
    document.getElementById("status").textContent = text;
}

function answerControls(item) {
    const session = item.session;
    const controls = element("div", { className: "answers" });
    const current = item.rsvp && item.rsvp.respondedAt ? item.rsvp.response : null;
    for (const [response, label] of answers) {
        const button = element("button", { type: "button", textContent: label, className: current === response ? "chosen" : "" });
        button.dataset.response = response;
        button.setAttribute("aria-pressed", current === response ? "true" : "false");
        button.addEventListener("click", () => answer(session.id, { response }));
        controls.append(button);
    }
    const field = "delegate-" + session.id;
    const input = element("input", { id: field, type: "email", placeholder: "colleague@example.org" });
    const delegate = element("button", { type: "button", textContent: "Delegate" });
    delegate.dataset.response = "delegated";
    delegate.addEventListener("click", () => {
        if (!input.value.trim()) return status("Type the email address of the person you delegate to.");
        answer(session.id, { response: "delegated", substitute: input.value.trim() });
    });
    controls.append(element("label", { htmlFor: field, textContent: "Delegate to" }), input, delegate);
    return controls;
}

function sessionEntry(item, event, withControls, heading) {
    const session = item.session;
    const entry = element("li", { className: "my-session" });
    entry.dataset.session = session.id;
    const title = element(heading, { textContent: session.title });
    if (session.status === "cancelled") title.append(" ", element("span", { className: "badge cancelled-badge", textContent: "Cancelled" }));
    entry.append(title);
    const place = [session.room, item.segment].filter(Boolean).join(" · ");
    entry.append(element("p", { className: "meta", textContent: when(session, event.timezone) + (place ? " · " + place : "") }));
    if (item.rsvp && item.rsvp.respondedAt) {
        const line = element("p", { className: "answer", textContent: "Your answer: " + item.rsvp.response });
        const decided = seat(item.rsvp);
        if (decided) line.append(" · Seat: ", element("span", { className: "seat", textContent: decided }));
        entry.append(line);
    }
    if (session.joinURL && /^https?:\/\//i.test(session.joinURL)) {
        entry.append(element("p", {}, [element("a", { href: session.joinURL, textContent: "Join online", rel: "noopener" })]));
    }
    if (withControls && session.status !== "cancelled") entry.append(answerControls(item));
    return entry;
}

function render(agenda) {
    const container = document.getElementById("events");
    container.replaceChildren();
    const mine = [];
    for (const day of agenda.events) {
        for (const item of day.items) {
            if (item.rsvp && item.rsvp.respondedAt && ["accepted", "tentative"].includes(item.rsvp.response)) mine.push([item, day.event]);
        }
    }
    const myAgenda = element("section", { id: "my-agenda" }, [element("h2", { textContent: "My sessions" })]);
    const list = element("ol", { className: "sessions" });
    for (const [item, event] of mine) list.append(sessionEntry(item, event, false, "h3"));
    myAgenda.append(mine.length ? list : element("p", { textContent: "You have not accepted a session yet." }));
    container.append(myAgenda);
    const events = element("section", { id: "my-events" }, [element("h2", { textContent: "My events" })]);
    for (const day of agenda.events) {
        const event = day.event;
        const heading = element("h3", { textContent: event.title });
        if (event.invitationOnly) heading.append(" ", element("span", { className: "badge", textContent: "Invitation only" }));
        const section = element("section", { className: "my-event" }, [heading]);
        section.dataset.event = event.slug;
        section.append(element("p", { className: "meta", textContent: event.startsOn + " – " + event.endsOn + (event.city ? " · " + event.city : "") }));
        const sessions = element("ol", { className: "sessions" });
        for (const item of day.items) sessions.append(sessionEntry(item, event, true, "h4"));
        section.append(day.items.length ? sessions : element("p", { textContent: "No session you may see yet." }));
        events.append(section);
    }
    container.append(events);
}

async function answer(sessionID, body) {
    try {
        const rsvp = await api("/v1/sessions/" + encodeURIComponent(sessionID) + "/rsvp", { method: "POST", body: JSON.stringify(body) });
        await load();
        status("Saved: " + rsvp.response + (seat(rsvp) ? ", seat " + seat(rsvp) : "") + ".");
    } catch (error) {
        status("Not saved: " + error.message);
    }
}

async function showFeed() {
    const link = document.getElementById("feed-url");
    const create = document.getElementById("feed-create");
    try {
        const feed = await api("/v1/me/feed");
        link.href = feed.url;
        link.textContent = feed.url;
        link.hidden = false;
        create.hidden = true;
    } catch (error) {
        if (error.status !== 404) throw error;
        link.hidden = true;
        create.hidden = false;
    }
}

async function load() {
    const account = await api("/v1/me");
    document.getElementById("account-name").textContent = account.name;
    document.getElementById("account-email").textContent = "(" + account.email + ")";
    document.getElementById("sign-in").hidden = true;
    document.getElementById("account").hidden = false;
    render(await api("/v1/me/agenda"));
    await showFeed();
}

/// Forgets the token and everything shown with it, the calendar URL (a key of its own) included.
function signOut() {
    sessionStorage.removeItem(tokenKey);
    document.getElementById("events").replaceChildren();
    for (const id of ["account-name", "account-email", "feed-url"]) document.getElementById(id).textContent = "";
    document.getElementById("feed-url").removeAttribute("href");
    document.getElementById("feed-url").hidden = true;
    document.getElementById("account").hidden = true;
    document.getElementById("sign-in").hidden = false;
    status("");
}

document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("sign-in");
    const failure = document.getElementById("sign-in-error");
    form.addEventListener("submit", async (submitted) => {
        submitted.preventDefault();
        const field = document.getElementById("token");
        sessionStorage.setItem(tokenKey, field.value.trim());
        field.value = "";
        try {
            failure.hidden = true;
            await load();
        } catch (error) {
            signOut();
            failure.textContent = error.status === 401 ? "This token is not valid (or was revoked)." : "Could not sign in: " + error.message;
            failure.hidden = false;
        }
    });
    document.getElementById("sign-out").addEventListener("click", signOut);
    document.getElementById("feed-create").addEventListener("click", async () => {
        try {
            await api("/v1/me/feed", { method: "POST" });
            await showFeed();
        } catch (error) {
            status("No calendar URL: " + error.message);
        }
    });
    if (sessionStorage.getItem(tokenKey)) {
        load().catch((error) => (error.status === 401 ? signOut() : status("Could not load your agenda: " + error.message)));
    }
});
