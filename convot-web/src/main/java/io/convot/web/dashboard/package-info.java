/**
 * How the agent dashboard reaches browsers: its files (/app/) and the libraries it imports
 * (/webjars/) served from memory, gzipped and cached, under a content security policy; and the
 * start-up log line that says where it is.
 */
package io.convot.web.dashboard;
