package io.github.odec.check;

import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/** The standard library's tableaus as the tests see them: parsed from the shipped resource. */
final class StandardTableauFixtures {

    private StandardTableauFixtures() {}

    static List<Tableau> all() {
        return Frontend.standardTableaus();
    }

    static Tableau euler() {
        return named("euler");
    }

    static Tableau midpoint() {
        return named("midpoint");
    }

    static Tableau rk4() {
        return named("rk4");
    }

    static Tableau heun() {
        return named("heun");
    }

    static Tableau bosh3() {
        return named("bosh3");
    }

    static Tableau dopri5() {
        return named("dopri5");
    }

    static Tableau tsit5() {
        return named("tsit5");
    }

    private static Tableau named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** One coefficient, as the language writes it: {@code p/q} exactly, or a decimal exactly. */
    static Rational coefficient(String text) {
        String[] fraction = text.split("/");
        return fraction.length == 2
                ? new Rational(new BigInteger(fraction[0].trim()), new BigInteger(fraction[1].trim()))
                : Rational.ofDecimal(text.trim());
    }

    static List<Rational> coefficients(String commaList) {
        return Arrays.stream(commaList.split(",")).map(StandardTableauFixtures::coefficient).toList();
    }
}
