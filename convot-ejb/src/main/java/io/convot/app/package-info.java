/** Apps: the Shopify apps an organization builds, each with a public key and an identity secret. */
package io.convot.app;
