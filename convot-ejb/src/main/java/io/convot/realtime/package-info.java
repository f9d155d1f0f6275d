/**
 * Live updates for open dashboards and widgets. Changes publish to a JMS topic inside their
 * transaction (so only committed changes go out); every server's listener hands them to the
 * WebSocket clients it holds, so clients on any server see changes made on any other.
 */
package io.convot.realtime;
