/** Health: readiness of the database, the broker and the schema, for load balancers and operators. */
package io.convot.health;
