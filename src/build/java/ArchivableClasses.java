import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step (run by the antrun plugin in {@code package}, on the shaded jar): rewrites every
 * class file older than Java 6 (class-file major version below 50) as a Java 8 class file (52) with
 * the stack map frames that version requires, computed by ASM. Nothing else in a class changes.
 *
 * <p>Why: the JVM's class-data archive (CDS: {@code -XX:ArchiveClassesAtExit}, {@code
 * -XX:+AutoCreateSharedArchive}) cannot hold classes below version 50 ("Pre JDK 6 class not
 * supported by CDS"), nor a class that extends or implements one. picocli's jar is Java 5 bytecode
 * (49), so without this step all of picocli, and our classes that implement its interfaces, are
 * loaded and verified from the jar on every start. Only setting the version to 50 is not enough:
 * classes without stack maps fail over to the old verifier, and a dynamic archive refuses those
 * too.
 *
 * <p>Usage: {@code java -cp asm.jar ArchivableClasses.java JAR}; the jar is replaced in place (a
 * temporary file next to it, then a rename), entries in the same order with the same times.
 */
public final class ArchivableClasses {
  private static final int JAVA_6 = 50;

  private ArchivableClasses() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ArchivableClasses JAR");
    }
    Path jar = Path.of(args[0]);
    Path temp = Files.createTempFile(jar.toAbsolutePath().getParent(), ".archivable-", ".jar");
    int rewritten;
    try {
      try (URLClassLoader classes =
              new URLClassLoader(
                  new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
          InputStream in = Files.newInputStream(jar);
          OutputStream out = Files.newOutputStream(temp)) {
        rewritten = rewrite(new ZipInputStream(in), new ZipOutputStream(out), classes);
      }
      Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    System.out.println(
        "ArchivableClasses: " + rewritten + " class files older than Java 6 rewritten in " + jar);
  }

  private static int rewrite(ZipInputStream in, ZipOutputStream out, ClassLoader classes)
      throws IOException {
    int rewritten = 0;
    for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
      byte[] content = in.readAllBytes();
      if (entry.getName().endsWith(".class") && majorVersion(content) < JAVA_6) {
        content = withFrames(content, classes);
        rewritten++;
      }
      ZipEntry copy = new ZipEntry(entry.getName());
      copy.setTime(entry.getTime());
      out.putNextEntry(copy);
      out.write(content);
      out.closeEntry();
    }
    out.finish();
    return rewritten;
  }

  /** The class-file major version; {@code Integer.MAX_VALUE} for a file too short to have one. */
  private static int majorVersion(byte[] classFile) {
    return classFile.length < 8
        ? Integer.MAX_VALUE
        : (classFile[6] & 0xff) << 8 | classFile[7] & 0xff;
  }

  /**
   * @param classes finds the classes ASM compares when it merges frames (common super classes)
   * @return the class as version 52 with computed frames and maximums
   */
  private static byte[] withFrames(byte[] classFile, ClassLoader classes) {
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            return classes;
          }
        };
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9, writer) {
              @Override
              public void visit(
                  int version,
                  int access,
                  String name,
                  String signature,
                  String superName,
                  String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
              }
            },
            0);
    return writer.toByteArray();
  }
}
