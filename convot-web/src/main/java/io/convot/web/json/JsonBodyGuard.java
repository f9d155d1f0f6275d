package io.convot.web.json;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.common.StorableText;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every JSON body is read here once, before anything binds it, so that no endpoint (whatever reads
 * its body) meets input the database or the binder cannot take: a body over the size limit is a 413;
 * bytes that are not UTF-8, JSON that does not parse, nesting deeper than {@link #MAX_DEPTH} or a
 * body that is not an object are a 400; a string or member name with NUL, an unpaired surrogate or a
 * non-character, a member given twice, or a number beyond any range Convot takes are a 422 naming
 * the field. A body bound to a record must then have the record's shape ({@link RecordShape}): an
 * unknown member or a value of the wrong type is a 422 too. Only then does the body go on,
 * unchanged, to the reader the endpoint asked for; a record it binds is then checked by Bean
 * Validation against the constraints it declares, here, once for every endpoint.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyGuard implements ReaderInterceptor {

  /** Convot's deepest request (office hours: object, days, list, range) is four levels deep. */
  static final int MAX_DEPTH = 32;
  /** Numbers beyond 10^400 or finer than 10^-400 are nothing any field takes; binding them could take minutes. */
  private static final int MAX_NUMBER_SCALE = 400;

  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  @Inject
  @ConfigProperty(name = "convot.api.max-body-size", defaultValue = "1048576")
  int maxBodySize;

  @Inject Validator validator;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null || !isJson(type)) {
      return context.proceed();
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
      throw new ConvotException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json in UTF-8");
    }
    byte[] body = readAtMost(context.getInputStream(), maxBodySize);
    boolean record = context.getType().isRecord();
    if (record && isBlank(body)) {
      body = EMPTY_OBJECT; // a record's constraints say what a request without fields lacks
    }
    if (body.length > 0) {
      String text = decode(body);
      check(text, acceptsArray(context.getType()));
      if (record) {
        checkShape(text, context.getType());
      }
    }
    context.setInputStream(new ByteArrayInputStream(body));
    Object bound = context.proceed();
    if (record && bound != null) {
      var violations = validator.validate(bound);
      if (!violations.isEmpty()) {
        throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields", BodyConstraints.fieldErrors(violations));
      }
    }
    return bound;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static boolean isJson(MediaType type) {
    return type.getType().equalsIgnoreCase("application")
        && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json"));
  }

  private static boolean acceptsArray(Class<?> type) {
    return type.isArray() || Collection.class.isAssignableFrom(type) || type == jakarta.json.JsonArray.class;
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    byte[] body = in.readNBytes(limit + 1);
    if (body.length > limit) {
      throw new ConvotException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is over " + limit + " bytes");
    }
    return body;
  }

  private static String decode(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw malformed("The request body is not UTF-8");
    }
  }

  /** Walks the whole document once, keeping the JSON path of where it is for field errors. */
  static void check(String text, boolean arrayAllowed) {
    List<FieldError> errors = new ArrayList<>();
    Deque<Level> path = new ArrayDeque<>();
    try (JsonParser parser = io.convot.common.JsonText.JSON.createParser(new java.io.StringReader(text))) {
      boolean first = true;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (first && event != JsonParser.Event.START_OBJECT && !(arrayAllowed && event == JsonParser.Event.START_ARRAY)) {
          throw malformed("The request body must be a JSON object");
        }
        first = false;
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            if (!path.isEmpty()) {
              path.peek().value();
            }
            if (path.size() == MAX_DEPTH) {
              throw malformed("The request body is nested deeper than " + MAX_DEPTH + " levels");
            }
            path.push(new Level(event == JsonParser.Event.START_ARRAY));
          }
          case END_OBJECT, END_ARRAY -> path.pop();
          case KEY_NAME -> {
            String key = parser.getString();
            Level level = path.peek();
            level.key(key);
            if (!StorableText.isStorable(key)) {
              errors.add(new FieldError(where(path), "invalid_characters", "A member name " + StorableText.PROBLEM));
            } else if (!level.keys.add(key)) {
              errors.add(new FieldError(where(path), "duplicate_field", where(path) + " is given more than once"));
            }
          }
          case VALUE_STRING -> {
            path.peek().value();
            if (!StorableText.isStorable(parser.getString())) {
              errors.add(new FieldError(where(path), "invalid_characters", where(path) + " " + StorableText.PROBLEM));
            }
          }
          case VALUE_NUMBER -> {
            path.peek().value();
            BigDecimal number = parser.getBigDecimal();
            if (Math.abs(number.scale()) > MAX_NUMBER_SCALE || number.precision() - number.scale() > MAX_NUMBER_SCALE) {
              errors.add(new FieldError(where(path), "out_of_range", where(path) + " is beyond any accepted number"));
            }
          }
          default -> path.peek().value();
        }
      }
    } catch (JsonParsingException e) {
      throw malformed("The request body is not valid JSON");
    } catch (jakarta.json.JsonException | IllegalStateException | java.util.NoSuchElementException e) {
      throw malformed("The request body is not valid JSON");
    }
    if (!errors.isEmpty()) {
      throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields", errors);
    }
  }

  /** A body bound to a record has exactly the record's fields, each of the right JSON type. */
  private static void checkShape(String text, Class<?> record) {
    List<FieldError> errors = new ArrayList<>();
    RecordShape.check(io.convot.common.JsonText.readObject(text), record, "", errors);
    if (!errors.isEmpty()) {
      throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields", errors);
    }
  }

  private static ConvotException malformed(String detail) {
    return new ConvotException(ErrorCode.MALFORMED_REQUEST, detail);
  }

  /** {@code user.nickname}, {@code allowed_origins[1]}: the field naming FieldError uses. */
  private static String where(Deque<Level> path) {
    StringBuilder out = new StringBuilder();
    var levels = path.descendingIterator();
    while (levels.hasNext()) {
      Level level = levels.next();
      if (level.array) {
        out.append('[').append(level.index).append(']');
      } else if (level.key != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(StorableText.printable(level.key));
      }
    }
    return out.toString();
  }

  /** One open object or array: the member name or the index being read. */
  private static final class Level {
    final boolean array;
    final Set<String> keys = new HashSet<>();
    String key;
    int index = -1;

    Level(boolean array) {
      this.array = array;
    }

    void key(String name) {
      key = name;
    }

    void value() {
      if (array) {
        index++;
      }
    }
  }
}
