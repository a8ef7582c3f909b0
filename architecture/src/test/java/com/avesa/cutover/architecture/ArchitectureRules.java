package com.avesa.cutover.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.Set;

/**
 * The architecture rules, each over a root package: {@code com.avesa.cutover} for the real code
 * ({@link ArchitectureTest}), a fixture root in this module's test sources to show each rule fails on what it
 * forbids ({@link ArchitectureRulesTest}). Under the root, the modules own one package each: {@code workflows},
 * {@code runtime}, {@code activities}, {@code worker}, {@code cli}.
 */
final class ArchitectureRules {

  private ArchitectureRules() {
  }

  /** Every package (each module's subpackages, and across modules) is free of cycles. */
  static SliceRule noPackageCycles(String root) {
    return slices().matching(root + ".(**)").should().beFreeOfCycles()
        .as("packages under " + root + " are free of cycles");
  }

  /** The modules' packages (workflows, runtime, ...) are free of cycles among them. */
  static ArchRule noModuleCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles()
        .as("modules under " + root + " are free of cycles");
  }

  /**
   * Workflow code is deterministic: no file, path or network I/O, no console, no wall clock, no own randomness,
   * threads or sleeping, no environment. Workflow code has {@code Workflow.currentTimeMillis()},
   * {@code Workflow.newRandom()}, {@code Workflow.randomUUID()}, {@code Workflow.sleep()} and activities instead.
   */
  static ArchRule workflowsAreDeterministic(String root) {
    return noClasses().that().resideInAPackage(root + ".workflows..")
        .should().accessTargetWhere(NON_DETERMINISTIC_CALL)
        .orShould().dependOnClassesThat(IO_OR_CLOCK_TYPE)
        .as("workflow code (" + root + ".workflows..) uses no I/O, wall clock, randomness, threads or environment");
  }

  /**
   * Each module reaches only below its layer: workflows is the bottom (contract and deterministic code);
   * runtime (config reader, codec, connection, dev server) sits on it; activities on workflows only (runtime in
   * its tests only); worker on workflows, runtime and activities; cli on workflows, runtime and activities (it
   * signs approvals with the operator's credentials and edits the tenant registry itself). Nothing uses the
   * worker or the cli.
   */
  static ArchRule modulesKeepTheirLayers(String root) {
    return layeredArchitecture().consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("workflows").definedBy(root + ".workflows..")
        .layer("runtime").definedBy(root + ".runtime..")
        .layer("activities").definedBy(root + ".activities..")
        .layer("worker").definedBy(root + ".worker..")
        .layer("cli").definedBy(root + ".cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("worker").mayNotBeAccessedByAnyLayer()
        .whereLayer("activities").mayOnlyBeAccessedByLayers("worker", "cli")
        .whereLayer("runtime").mayOnlyBeAccessedByLayers("worker", "cli")
        .whereLayer("workflows").mayOnlyBeAccessedByLayers("runtime", "activities", "worker", "cli")
        .as("modules under " + root + " reach only below their layer");
  }

  /** Workflow code does not hold the AWS SDK: AWS calls are activities. */
  static ArchRule workflowsHoldNoAwsSdk(String root) {
    return noClasses().that().resideInAPackage(root + ".workflows..")
        .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
        .as("workflow code (" + root + ".workflows..) does not use the AWS SDK");
  }

  /** {@code workflows.run} is the contract every workflow package may use: it uses none of them. */
  static ArchRule runContractStandsAlone(String root) {
    String workflows = root + ".workflows";
    return noClasses().that().resideInAPackage(workflows + ".run..")
        .should().dependOnClassesThat(DescribedPredicate.describe(
            "reside in another package of " + workflows,
            (JavaClass c) -> c.getPackageName().startsWith(workflows)
                && !c.getPackageName().equals(workflows + ".run")
                && !c.getPackageName().startsWith(workflows + ".run.")))
        .as("the run contract (" + workflows + ".run) uses no other workflows package");
  }

  /** owner#name of the methods and constructors workflow code may not call. */
  private static final Set<String> FORBIDDEN_CALLS = Set.of(
      "java.lang.System#currentTimeMillis", "java.lang.System#nanoTime", "java.lang.System#getenv",
      "java.lang.System#getProperty", "java.lang.System#getProperties",
      "java.lang.Thread#sleep", "java.lang.Thread#<init>",
      "java.util.UUID#randomUUID", "java.util.Random#<init>", "java.security.SecureRandom#<init>",
      "java.lang.Math#random", "java.util.concurrent.ThreadLocalRandom#current",
      "java.lang.System#out", "java.lang.System#err", "java.lang.System#in");

  private static final DescribedPredicate<JavaAccess<?>> NON_DETERMINISTIC_CALL = DescribedPredicate.describe(
      "is the wall clock (System.currentTimeMillis/nanoTime, java.time *.now), Thread.sleep, new Thread,"
          + " new Random, Math.random, UUID.randomUUID, System.getenv/getProperty or System.out/err/in",
      access -> {
        String owner = access.getTargetOwner().getName();
        String name = access.getName();
        return FORBIDDEN_CALLS.contains(owner + "#" + name)
            || owner.startsWith("java.time.") && name.equals("now");
      });

  private static final DescribedPredicate<JavaClass> IO_OR_CLOCK_TYPE = DescribedPredicate.describe(
      "are files, paths, network or a clock (java.io.File*, RandomAccessFile, java.nio.file, java.net,"
          + " java.time.Clock/InstantSource)",
      c -> c.getPackageName().equals("java.nio.file") || c.getPackageName().startsWith("java.nio.file.")
          || c.getPackageName().equals("java.net") || c.getPackageName().startsWith("java.net.")
          || c.getPackageName().equals("java.io")
              && (c.getSimpleName().startsWith("File") || c.getSimpleName().equals("RandomAccessFile"))
          || c.getName().equals("java.time.Clock") || c.getName().equals("java.time.InstantSource"));
}
