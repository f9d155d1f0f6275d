package io.convot.web.json;

import io.convot.common.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Bean Validation's verdict on a bound request record, as Convot's field errors: the JSON path of
 * the field and the codes clients already know ({@code required}, {@code too_long}, ...).
 */
public final class BodyConstraints {

  private BodyConstraints() {}

  public static List<FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(violation -> {
          String field = field(violation.getRootBeanClass(), violation.getPropertyPath());
          return new FieldError(field, code(violation), field + " " + violation.getMessage());
        })
        .sorted(java.util.Comparator.comparing(FieldError::field).thenComparing(FieldError::code))
        .toList();
  }

  private static String code(ConstraintViolation<?> violation) {
    Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
    if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty) {
      return "required";
    }
    if (constraint instanceof Size size) {
      Object value = violation.getInvalidValue();
      int length = value instanceof CharSequence text ? text.length() : value instanceof Collection<?> items ? items.size() : 0;
      return length > size.max() ? "too_long" : "too_short";
    }
    if (constraint instanceof Email) {
      return "invalid_email";
    }
    if (constraint instanceof Pattern) {
      return "invalid_value";
    }
    return "invalid_value";
  }

  /** Walks the path through the records, naming each step as JSON does ({@code user.email}, {@code events[1]}). */
  private static String field(Class<?> root, Path path) {
    StringBuilder out = new StringBuilder();
    Class<?> current = root;
    for (Path.Node node : path) {
      if (node.getIndex() != null && out.length() > 0 && node.getName() == null) {
        out.append('[').append(node.getIndex()).append(']');
        continue;
      }
      if (node.getName() == null || node.getName().startsWith("<")) {
        if (node.getIndex() != null) {
          out.append('[').append(node.getIndex()).append(']');
        }
        continue;
      }
      RecordComponent component = current != null && current.isRecord() ? component(current, node.getName()) : null;
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(component != null ? RecordShape.jsonName(component) : RecordShape.snakeCase(node.getName()));
      if (node.getIndex() != null) {
        out.append('[').append(node.getIndex()).append(']');
      }
      current = component == null ? null : elementType(component);
    }
    return out.toString();
  }

  private static RecordComponent component(Class<?> record, String name) {
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component;
      }
    }
    return null;
  }

  private static Class<?> elementType(RecordComponent component) {
    if (component.getGenericType() instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return component.getType();
  }
}
