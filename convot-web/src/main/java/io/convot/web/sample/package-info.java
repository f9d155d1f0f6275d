/** {@code POST /api/v1/sample}: sample data on a development server. */
package io.convot.web.sample;
