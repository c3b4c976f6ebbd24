package io.github.odec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OdeSourcesTest {

    @TempDir
    Path project;

    @Test
    void findsOdeFilesInPathOrderWithTheirFolderPackagesAndSkipsTheBuildDirectoryAndNestedProjects() throws Exception {
        for (String f : List.of("b.ode", "com/acme/a.ode", "com/acme/notes.txt", "target/it/copy.ode",
                "module/pom.xml", "module/target/classes/b.ode", "module/src/main/odec/c.ode")) {
            Path p = project.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
        }
        List<OdeSource> found = OdeSources.find(project, project, List.of(project.resolve("target")));
        assertEquals(List.of("b.ode", "com/acme/a.ode"), found.stream().map(OdeSource::displayName).toList());
        assertEquals(List.of(Optional.empty(), Optional.of("com.acme")), found.stream().map(OdeSource::folderPackage).toList());
        assertEquals(List.of(), OdeSources.find(project.resolve("missing"), project), "no source directory: no inputs");
        assertEquals("com/acme/a.ode", OdeSources.find(project.resolve("com"), project.resolve("x/..")).get(0).displayName(),
                "names are relative to the project however its path is spelled");
    }
}
