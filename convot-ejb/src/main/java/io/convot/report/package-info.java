/**
 * Reports: response and resolution times per agent and overall, and the conversations of a range
 * as CSV, read from what the conversation path records as it happens (first visitor message, first
 * reply and its sender, each resolution) and from the messages' own times, through indexes made for
 * range queries. Agents see them.
 */
package io.convot.report;
