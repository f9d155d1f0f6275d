package io.convot.it.report;

import java.util.ArrayList;
import java.util.List;

/** An RFC 4180 reader for the tests: quoted cells with doubled quotes, commas and line breaks inside, CRLF lines. */
final class Csv {

  private Csv() {}

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i += 2;
        continue;
      } else if (c == '"' || c == '\n' || c == '\r') {
        throw new IllegalArgumentException("not RFC 4180 at " + i + ": " + text);
      } else {
        cell.append(c);
      }
      i++;
    }
    if (quoted || !cell.isEmpty() || !row.isEmpty()) {
      throw new IllegalArgumentException("the CSV does not end with a line break");
    }
    return rows;
  }
}
