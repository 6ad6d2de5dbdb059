package dev.mantis.robot.ros.generator;

import dev.mantis.robot.ros.definition.DefinitionCatalog;
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
 * {@code -Amantis.ros.definitions=DIR} (a tree of {@code PKG/msg/*.msg} and {@code PKG/srv/*.srv})
 * and {@code -Amantis.ros.package=JAVA_PACKAGE} (where classes go, one sub-package per ROS package,
 * plus a {@code MessageTypes} registry). Without the options it does nothing.
 */
public final class MessageGenerator extends AbstractProcessor {

    /** Option: the definitions' root directory. */
    public static final String DEFINITIONS = "mantis.ros.definitions";
    /** Option: the Java package of the generated classes and of the runtime types they use. */
    public static final String PACKAGE = "mantis.ros.package";

    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(DEFINITIONS, PACKAGE);
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
            DefinitionCatalog catalog = DefinitionCatalog.load(Path.of(root));
            JavaEmitter emitter = new JavaEmitter(catalog, pkg);
            for (MessageSpec m : catalog.messages()) {
                write(emitter.className(m.type()), emitter.message(m));
            }
            for (ServiceSpec s : catalog.services()) {
                write(emitter.className(s.type()), emitter.service(s));
            }
            write(pkg + ".MessageTypes", emitter.registry());
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
