#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
int main(int c, char**v){ CURL*h=curl_easy_init(); char body[10000]; memset(body,'a',sizeof body);
curl_easy_setopt(h,CURLOPT_URL,v[1]); curl_easy_setopt(h,CURLOPT_POSTFIELDSIZE,10000L); curl_easy_setopt(h,CURLOPT_COPYPOSTFIELDS,body);
curl_easy_perform(h); long rq; curl_off_t up; curl_easy_getinfo(h,CURLINFO_REQUEST_SIZE,&rq); curl_easy_getinfo(h,CURLINFO_SIZE_UPLOAD_T,&up); printf("request_size=%ld upload=%ld\n",rq,(long)up);}
