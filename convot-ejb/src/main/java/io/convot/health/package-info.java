/**
 * Health: readiness of the database, the broker and the schema, for load balancers and operators;
 * and the one way messages are sent to the broker, which remembers when it was found away.
 */
package io.convot.health;
