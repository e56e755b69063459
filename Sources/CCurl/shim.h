#ifndef EVENTS_CCURL_SHIM_H
#define EVENTS_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: these typed wrappers can be. */

static inline CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*ccurl_write_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode ccurl_setopt_write_function(CURL *handle, ccurl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* Counts the bytes of each transfer as they cross the wire, split into headers and bodies, via the debug hook. */
typedef struct {
    long header_out;
    long data_out;
    long header_in;
    long data_in;
} ccurl_counts;

static int ccurl_count_debug(CURL *handle, curl_infotype type, char *data, size_t size, void *context) {
    ccurl_counts *counts = (ccurl_counts *)context;
    (void)handle;
    (void)data;
    switch (type) {
    case CURLINFO_HEADER_OUT: counts->header_out += (long)size; break;
    case CURLINFO_DATA_OUT: counts->data_out += (long)size; break;
    case CURLINFO_HEADER_IN: counts->header_in += (long)size; break;
    case CURLINFO_DATA_IN: counts->data_in += (long)size; break;
    default: break;
    }
    return 0;
}

static inline void ccurl_count_bytes(CURL *handle, ccurl_counts *counts) {
    curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, ccurl_count_debug);
    curl_easy_setopt(handle, CURLOPT_DEBUGDATA, counts);
    curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L);
}

#endif
