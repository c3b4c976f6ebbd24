package io.github.odec.cli;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.model.ExplicitRungeKutta;
import io.github.odec.model.Method;
import io.github.odec.model.Rosenbrock;
import io.github.odec.model.Tableau;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code odec methods}: the methods available, standard and (with a file) the file's own, one row each
 * with its family, orders and whether it needs the Jacobian (the Rosenbrock methods do).
 */
@Command(name = "methods",
        mixinStandardHelpOptions = true,
        description = "Lists the methods (explicit Runge-Kutta and Rosenbrock): the standard library, plus those a FILE defines.",
        footer = {"", "Example:", "  odec methods", "  odec methods samples/custom_tableau.ode", ""})
final class MethodsCommand implements Callable<Integer> {

    private static final List<String> HEADER =
            List.of("NAME", "FAMILY", "ORDER", "EMBEDDED", "STAGES", "FSAL", "DENSE", "JACOBIAN", "FROM");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "An .ode file whose own tableaus are listed too.")
    List<Path> file = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Method> methods = standard();
        String from = "";
        if (!file.isEmpty()) {
            Path path = file.getFirst();
            if (!Files.isRegularFile(path)) {
                throw new UserError("cannot read " + path + ": no such file");
            }
            CheckResult result;
            try {
                result = Frontend.checkFile(path);
            } catch (IOException e) {
                throw new UserError("cannot read " + path + ": " + e.getMessage());
            }
            err.print(result.render());
            err.flush();
            if (result.model().isEmpty()) {
                throw new UserError(path + " has errors; no methods listed");
            }
            methods = result.model().get().methods();
            from = path.toString();
        }
        Set<String> standard = standard().stream().map(Method::name).collect(Collectors.toSet());
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Method m : methods) {
            rows.add(row(m, standard.contains(m.name()) ? "standard" : from));
        }
        out.print(table(rows));
        out.flush();
        return ExitCode.OK;
    }

    private static List<Method> standard() {
        return Stream.concat(Frontend.standardTableaus().stream().map(Method::of), Frontend.standardRosenbrocks().stream())
                .toList();
    }

    private static List<String> row(Method m, String from) {
        String embedded = m.embeddedOrder().isPresent() ? Integer.toString(m.embeddedOrder().getAsInt()) : "-";
        return switch (m) {
            case ExplicitRungeKutta erk -> {
                Tableau t = erk.tableau();
                yield List.of(t.name(), "explicit-rk", Integer.toString(t.order()), embedded, Integer.toString(t.stages()),
                        t.fsal() ? "yes" : "no", t.hasDenseOutput() ? "interp" : "hermite", "no", from);
            }
            case Rosenbrock r -> List.of(r.name(), "rosenbrock", Integer.toString(r.order()), embedded,
                    Integer.toString(r.stages()), "no", r.dense().isPresent() ? "interp" : "hermite", "yes", from);
        };
    }

    /** Left-aligned columns two spaces apart, no trailing blanks. */
    static String table(List<List<String>> rows) {
        int columns = rows.getFirst().size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row.get(c)).append(" ".repeat(c + 1 < columns ? width[c] - row.get(c).length() + 2 : 0));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
