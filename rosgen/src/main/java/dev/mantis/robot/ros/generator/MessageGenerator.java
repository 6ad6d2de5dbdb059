package dev.mantis.robot.ros.generator;

import dev.mantis.robot.ros.definition.ActionSpec;
import dev.mantis.robot.ros.definition.DefinitionCatalog;
import dev.mantis.robot.ros.definition.DefinitionException;
import dev.mantis.robot.ros.definition.MessageSpec;
import dev.mantis.robot.ros.definition.ServiceSpec;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates the Java classes of ROS message and service definitions during compilation. It runs
 * as an annotation processor named with {@code -processor} and does its work in the first round,
 * whatever the sources hold, when given the options
 * {@code -Amantis.ros.definitions=DIR} (a tree of {@code PKG/msg/*.msg}, {@code PKG/srv/*.srv} and
 * {@code PKG/action/*.action}) and {@code -Amantis.ros.package=JAVA_PACKAGE} (where classes go, one
 * sub-package per ROS package, plus a {@code MessageTypes} registry). Without the options it does
 * nothing. Optional: {@code -Amantis.ros.dependencies=DIR}, a tree whose definitions the first may
 * use and whose classes exist already (test definitions using the main ones), and
 * {@code -Amantis.ros.registry=NAME}, the registry's class name.
 */
public final class MessageGenerator extends AbstractProcessor {

    /** Option: the definitions' root directory. */
    public static final String DEFINITIONS = "mantis.ros.definitions";
    /** Option: the Java package of the generated classes and of the runtime types they use. */
    public static final String PACKAGE = "mantis.ros.package";
    /** Option: a definitions root whose types resolve but get no classes. */
    public static final String DEPENDENCIES = "mantis.ros.dependencies";
    /** Option: the registry's simple class name ({@code MessageTypes} when absent). */
    public static final String REGISTRY = "mantis.ros.registry";

    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(DEFINITIONS, PACKAGE, DEPENDENCIES, REGISTRY);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        String root = processingEnv.getOptions().get(DEFINITIONS);
        String pkg = processingEnv.getOptions().get(PACKAGE);
        if (done || root == null || pkg == null) {
            return false;
        }
        done = true;
        try {
            String dependencies = processingEnv.getOptions().get(DEPENDENCIES);
            DefinitionCatalog own = DefinitionCatalog.read(Path.of(root));
            DefinitionCatalog catalog = new DefinitionCatalog();
            if (dependencies != null) {
                catalog.addAll(DefinitionCatalog.read(Path.of(dependencies)));
            }
            catalog.addAll(own);
            catalog.requireResolved();
            JavaEmitter emitter = new JavaEmitter(catalog, pkg);
            for (MessageSpec m : own.messages()) {
                write(emitter.className(m.type()), emitter.message(m));
            }
            for (ServiceSpec s : own.services()) {
                write(emitter.className(s.type()), emitter.service(s));
            }
            for (ActionSpec a : own.actions()) {
                if (catalog.hasMessage(a.type())) {
                    throw new DefinitionException("action " + a.type() + " and message " + a.type()
                            + " would be the same Java class; rename one");
                }
                write(emitter.className(a.type()), emitter.action(a));
            }
            String registry = processingEnv.getOptions().getOrDefault(REGISTRY, "MessageTypes");
            write(pkg + "." + registry, emitter.registry(registry, own));
        } catch (IOException | RuntimeException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "ROS message generation failed: " + e.getMessage());
        }
        return false;
    }

    private void write(String className, String source) throws IOException {
        try (Writer w = processingEnv.getFiler().createSourceFile(className).openWriter()) {
            w.write(source);
        }
    }
}
