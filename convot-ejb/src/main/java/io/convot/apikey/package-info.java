/** API keys: organization-scoped bearer tokens for integrations, stored only as hashes. */
package io.convot.apikey;
