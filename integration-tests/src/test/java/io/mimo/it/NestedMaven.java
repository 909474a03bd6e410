package io.mimo.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maven run on a user project as its user would run it, against the artifacts of this build, downloading nothing.
 *
 * <p>The nested build's local repository is {@code target/it-repo}, where invoker:install put this build's
 * artifacts, so the user's local repository never sees these SNAPSHOTs. Everything else (plugins, JavaPoet, Flink,
 * ...) it copies from the user's local repository, which its settings make its "central", as a file: URL; it runs
 * offline for every other protocol. So the plugins a user project runs must be ones this build has used (or
 * resolved for it: see the pom), pinned to this build's versions. Its Maven runs on the JDK this build's Maven runs
 * on, as a user's would.
 */
final class NestedMaven {
    /** How long one nested build may take. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private NestedMaven() {}

    /** Runs Maven with {@code arguments} (goals, -D properties) in {@code project}, which holds its pom. */
    static Tools.Result run(Path project, List<String> arguments) {
        try {
            // an empty .mvn: Maven takes this as the project's root and does not climb to this repository's .mvn
            Files.createDirectories(project.resolve(".mvn"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // "central" is the user's local repository; no checksums there, so none are checked
        Path settings = project.resolve("settings.xml");
        String repository = """
                      <id>central</id>
                      <url>%s</url>
                      <releases><checksumPolicy>ignore</checksumPolicy></releases>
                      <snapshots><enabled>false</enabled></snapshots>
                """.formatted(Tools.pathProperty("mimo.userRepo").toUri());
        Tools.write(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>user-local-repository</id>
                      <repositories><repository>
                %s      </repository></repositories>
                      <pluginRepositories><pluginRepository>
                %s      </pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>user-local-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository));

        Map<String, String> environment = new HashMap<>();
        // Maven runs on the java this build's Maven runs on (older than 21, maybe), not on the test JVM's
        environment.put("JAVA_HOME", Tools.property("mimo.mavenJavaHome"));
        environment.put("MAVEN_ARGS", null); // Maven 3.9 reads it: this build's arguments are not the user's
        environment.put("MAVEN_BASEDIR", null);
        // the same file as global settings too: a mirror in Maven's own conf/settings.xml would send "central" away
        List<String> mvn = new ArrayList<>(List.of(
                Tools.mvn(),
                "--batch-mode",
                "--offline",
                "--settings",
                settings.toString(),
                "--global-settings",
                settings.toString(),
                "-Daether.offline.protocols=file",
                "-Dmaven.repo.local=" + Tools.property("mimo.itRepo")));
        mvn.addAll(arguments);
        return Tools.run(project, TIMEOUT, environment, mvn);
    }
}
