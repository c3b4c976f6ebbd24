package io.github.odec.maven;

import io.github.odec.pipeline.GeneratedFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Generates typed Java bindings and solver classes from {@code src/main/odec/**}{@code /*.ode} into
 * {@code target/generated-sources/odec} and adds that directory to the compile source roots. The
 * generated code calls {@code io.github.odec:odec-runtime}, which the project must depend on.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public final class GenerateMojo extends AbstractMojo {

    private static final String RUNTIME_GROUP = "io.github.odec";
    private static final String RUNTIME_ARTIFACT = "odec-runtime";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Names the stamp file, so that two executions (say f64 and f32 into two directories) keep their own. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    /** Where the .ode files are; a file's folder below it names its package unless packageName is set. */
    @Parameter(property = "odec.sourceDirectory", defaultValue = "${project.basedir}/src/main/odec")
    private File sourceDirectory;

    /** Where the generated Java sources go; the plugin owns this directory and replaces it whole. */
    @Parameter(property = "odec.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/odec")
    private File outputDirectory;

    /** The package of every generated class; unset: derived from each file's folder. */
    @Parameter(property = "odec.packageName")
    private String packageName;

    /** The tableau the solver classes are generated for: a standard one (dopri5, tsit5, rk4, ...) or the file's own. */
    @Parameter(property = "odec.method", defaultValue = "dopri5")
    private String method;

    /** The step controller: integral, pi, pid or fixed. */
    @Parameter(property = "odec.controller", defaultValue = "integral")
    private String controller;

    /** The type the solvers compute in: f64 or f32. */
    @Parameter(property = "odec.precision", defaultValue = "f64")
    private String precision;

    /** The systems to generate, by name; empty: every system of every file. */
    @Parameter
    private List<String> systems;

    /** Skips the goal (nothing generated, no source root added). */
    @Parameter(property = "odec.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("odec: skipped");
            return;
        }
        Path output = outputDirectory.toPath();
        Path stampFile = Path.of(project.getBuild().getDirectory(), "odec", execution.getExecutionId() + ".stamp");
        try {
            GenerationSettings settings = GenerationSettings.parse(packageName, method, controller, precision, systems);
            List<OdeSource> sources = OdeSources.find(sourceDirectory.toPath(), project.getBasedir().toPath(),
                    List.of(Path.of(project.getBuild().getDirectory())));
            if (sources.isEmpty()) {
                getLog().info("odec: no .ode files under " + sourceDirectory);
                return;
            }
            checkRuntimeDependency();
            project.addCompileSourceRoot(output.toString());
            String stamp = InputStamp.of(OdecVersion.generatorIdentity(), settings, output, sources);
            if (InputStamp.matches(stampFile, stamp) && output.toFile().isDirectory()) {
                getLog().info("odec: " + sources.size() + " .ode file(s) unchanged; generated sources are up to date");
                return;
            }
            SourceTreeWriter.deleteTree(stampFile);  // a failed run below must not leave an old stamp that matches later
            List<GeneratedFile> files = CodeGeneration.generate(sources, settings, w -> getLog().warn("\n" + w));
            SourceTreeWriter.replace(output, files);
            SourceTreeWriter.writeAtomically(stampFile, stamp + "\n");
            getLog().info("odec: generated " + files.size() + " Java file(s) from " + sources.size()
                    + " .ode file(s) into " + output);
        } catch (GenerationException e) {
            // Printed as the build's failure message: file:line:col: error: ... with the source line and caret.
            throw new MojoFailureException("odec found errors:\n" + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("odec could not read its inputs or write " + output + ": " + e.getMessage(), e);
        }
    }

    /** The generated classes import odec-runtime; without it the compiler's errors would not say why. */
    private void checkRuntimeDependency() throws GenerationException {
        for (Artifact a : project.getArtifacts()) {
            if (a.getGroupId().equals(RUNTIME_GROUP) && a.getArtifactId().equals(RUNTIME_ARTIFACT)) {
                if (!a.getBaseVersion().equals(OdecVersion.get())) {
                    getLog().warn("odec: this plugin is odec " + OdecVersion.get() + " but the project depends on "
                            + RUNTIME_ARTIFACT + " " + a.getBaseVersion() + "; use the same version for both");
                }
                return;
            }
        }
        throw new GenerationException("the generated code needs odec-runtime on the compile class path; add\n"
                + "    <dependency>\n"
                + "      <groupId>" + RUNTIME_GROUP + "</groupId>\n"
                + "      <artifactId>" + RUNTIME_ARTIFACT + "</artifactId>\n"
                + "      <version>" + OdecVersion.get() + "</version>\n"
                + "    </dependency>\n"
                + "to the project's <dependencies>");
    }
}
