package dev.mantis.sim.physics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads Bullet's native library (double-precision Libbulletjme) from the classpath: the
 * {@code DpRelease} jar's {@code native/linux/x86_64/libbulletjme.so} is copied to a temporary
 * file and loaded with {@link System#load}. Nothing is downloaded. Loading is process-wide by
 * nature; this class makes it happen once per class loader.
 */
public final class BulletNatives {

    private static final String RESOURCE = "native/linux/x86_64/libbulletjme.so";
    /** Libbulletjme logs every native object it creates at INFO; keep a reference so the level sticks. */
    private static final java.util.logging.Logger JME_LOG = java.util.logging.Logger.getLogger("com.jme3");
    private static boolean loaded;

    private BulletNatives() {
    }

    /**
     * Libbulletjme frees a native object once its Java object has been garbage-collected, from a
     * reference queue that {@code freeUnusedObjects()} drains, blocking; one daemon thread does
     * that for the whole process.
     */
    private static void startCleaner() {
        Thread cleaner = new Thread(() -> {
            while (true) {
                com.jme3.bullet.NativePhysicsObject.freeUnusedObjects();
            }
        }, "mantis-bullet-cleaner");
        cleaner.setDaemon(true);
        cleaner.start();
    }

    /**
     * Loads the library if it is not loaded yet.
     *
     * @throws IllegalStateException naming the missing resource or the platform when it cannot be loaded
     */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("Bullet natives are bundled for Linux x86_64 only; this JVM runs on "
                    + os + " " + arch);
        }
        try (InputStream in = BulletNatives.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Bullet native library " + RESOURCE + " is not on the classpath; "
                        + "add com.github.stephengold:Libbulletjme-Linux64:jar:DpRelease");
            }
            Path file = Files.createTempFile("mantis-libbulletjme-", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot extract the Bullet native library: " + e.getMessage(), e);
        }
        JME_LOG.setLevel(java.util.logging.Level.WARNING);
        startCleaner();
        com.jme3.bullet.util.NativeLibrary.setStartupMessageEnabled(false);
        if (!com.jme3.bullet.util.NativeLibrary.isDoublePrecision()) {
            throw new IllegalStateException("the loaded Bullet library is single precision; Mantis needs DpRelease");
        }
        loaded = true;
    }
}
