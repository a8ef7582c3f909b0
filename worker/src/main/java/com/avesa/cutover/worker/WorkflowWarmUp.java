package com.avesa.cutover.worker;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Does before the worker polls what a cold worker's first workflow task would otherwise do inside
 * the deadlock detector's time: loads the workflow classes and the SDK's replay machinery, and has
 * the data converter build its (de)serializers for every record a workflow, signal, update or query
 * takes or returns. Best effort: a class or type that cannot be warmed is skipped, the worker starts
 * anyway.
 */
final class WorkflowWarmUp {
  /** What was warmed: classes loaded and workflow payload types the converter has seen. */
  record Result(int classes, int payloadTypes) {}

  private static final String WORKFLOW_PACKAGE = "com/avesa/cutover/workflows/";
  // The SDK code every workflow task runs through: the workflow thread, its state machines and replay.
  private static final List<String> SDK_PACKAGES = List.of("io/temporal/internal/sync/",
      "io/temporal/internal/statemachines/", "io/temporal/internal/replay/", "io/temporal/workflow/");

  private WorkflowWarmUp() {}

  static Result warmUp(List<Class<?>> workflowTypes, DataConverter converter) {
    int classes = loadClasses(workflowTypes.get(0), WORKFLOW_PACKAGE, true)
        + SDK_PACKAGES.stream().mapToInt(prefix -> loadClasses(Workflow.class, prefix, false)).sum();
    int payloadTypes = 0;
    for (Type type : payloadTypes(workflowTypes)) {
      if (roundTrip(converter, type)) {
        payloadTypes++;
      }
    }
    return new Result(classes, payloadTypes);
  }

  /** The parameter and return types of every method of the workflow interfaces {@code workflowTypes} implement. */
  static Set<Type> payloadTypes(List<Class<?>> workflowTypes) {
    Set<Type> types = new LinkedHashSet<>();
    for (Class<?> implementation : workflowTypes) {
      for (Class<?> contract : implementation.getInterfaces()) {
        for (Method method : contract.getMethods()) {
          types.addAll(List.of(method.getGenericParameterTypes()));
          if (method.getReturnType() != void.class) {
            types.add(method.getGenericReturnType());
          }
        }
      }
    }
    return types;
  }

  // Deserializing {} builds the type's deserializers (and its fields' types'); serializing what came
  // back builds the serializers. Records whose constructors refuse empty values stop half way: fine.
  private static boolean roundTrip(DataConverter converter, Type type) {
    Class<?> raw = raw(type);
    if (raw == null) {
      return false;
    }
    try {
      Payload empty = Payload.newBuilder()
          .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
          .setData(ByteString.copyFrom(raw.isPrimitive() || raw == String.class ? "null" : "{}",
              StandardCharsets.UTF_8))
          .build();
      Object value = converter.fromPayload(empty, raw, type);
      converter.toPayload(value);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  private static int loadClasses(Class<?> anchor, String prefix, boolean initialize) {
    int loaded = 0;
    for (String name : classNames(anchor, prefix)) {
      try {
        Class.forName(name, initialize, anchor.getClassLoader());
        loaded++;
      } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
        // An optional dependency's class: the worker never needs it.
      }
    }
    return loaded;
  }

  /** The classes under {@code prefix} in the jar or directory {@code anchor} was loaded from. */
  private static List<String> classNames(Class<?> anchor, String prefix) {
    CodeSource source = anchor.getProtectionDomain().getCodeSource();
    if (source == null) {
      return List.of();
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      return Files.isDirectory(location) ? classNamesInDirectory(location, prefix) : classNamesInJar(location, prefix);
    } catch (URISyntaxException | IOException | UncheckedIOException | IllegalArgumentException e) {
      return List.of();
    }
  }

  private static List<String> classNamesInJar(Path jar, String prefix) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream().map(JarEntry::getName)
          .filter(name -> name.startsWith(prefix) && isClass(name))
          .forEach(name -> names.add(className(name)));
    }
    return names;
  }

  private static List<String> classNamesInDirectory(Path root, String prefix) throws IOException {
    Path start = root.resolve(prefix);
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(start)) {
      return files.map(file -> root.relativize(file).toString().replace('\\', '/'))
          .filter(WorkflowWarmUp::isClass)
          .map(WorkflowWarmUp::className)
          .toList();
    }
  }

  private static boolean isClass(String entry) {
    return entry.endsWith(".class") && !entry.endsWith("module-info.class") && !entry.endsWith("package-info.class");
  }

  private static String className(String entry) {
    return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
  }
}
