/**
 * Sample data for trying Convot on a development server: an organization with its owner, an app, an agent and
 * a few conversations, made through the same services the API uses.
 */
package io.convot.sample;
