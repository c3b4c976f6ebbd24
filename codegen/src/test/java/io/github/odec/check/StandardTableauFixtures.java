package io.github.odec.check;

import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The standard library's tableaus as model records, transcribed from
 * {@code io/github/odec/stdlib/tableaus.ode} in the same notation (comma lists of exact rationals
 * and decimals), so a reader can hold the two side by side. Until the parser lands this is how the
 * tests see the library; afterwards it is replaced by parsing the resource.
 */
final class StandardTableauFixtures {

    private StandardTableauFixtures() {}

    static List<Tableau> all() {
        return List.of(euler(), midpoint(), rk4(), heun(), bosh3(), dopri5(), tsit5());
    }

    static Tableau euler() {
        return new Builder("euler", 1, -1, false)
                .c("0")
                .b("1")
                .build();
    }

    static Tableau midpoint() {
        return new Builder("midpoint", 2, -1, false)
                .c("0, 1/2")
                .a(1, "1/2")
                .b("0, 1")
                .build();
    }

    static Tableau rk4() {
        return new Builder("rk4", 4, -1, false)
                .c("0, 1/2, 1/2, 1")
                .a(1, "1/2")
                .a(2, "0, 1/2")
                .a(3, "0, 0, 1")
                .b("1/6, 1/3, 1/3, 1/6")
                .build();
    }

    static Tableau heun() {
        return new Builder("heun", 2, 1, false)
                .c("0, 1")
                .a(1, "1")
                .b("1/2, 1/2")
                .bhat("1, 0")
                .build();
    }

    static Tableau bosh3() {
        return new Builder("bosh3", 3, 2, true)
                .c("0, 1/2, 3/4, 1")
                .a(1, "1/2")
                .a(2, "0, 3/4")
                .a(3, "2/9, 1/3, 4/9")
                .b("2/9, 1/3, 4/9, 0")
                .bhat("7/24, 1/4, 1/3, 1/8")
                .build();
    }

    static Tableau dopri5() {
        return new Builder("dopri5", 5, 4, true)
                .c("0, 1/5, 3/10, 4/5, 8/9, 1, 1")
                .a(1, "1/5")
                .a(2, "3/40, 9/40")
                .a(3, "44/45, -56/15, 32/9")
                .a(4, "19372/6561, -25360/2187, 64448/6561, -212/729")
                .a(5, "9017/3168, -355/33, 46732/5247, 49/176, -5103/18656")
                .a(6, "35/384, 0, 500/1113, 125/192, -2187/6784, 11/84")
                .b("35/384, 0, 500/1113, 125/192, -2187/6784, 11/84, 0")
                .bhat("5179/57600, 0, 7571/16695, 393/640, -92097/339200, 187/2100, 1/40")
                .interp(0, "1, -8048581381/2820520608, 8663915743/2820520608, -12715105075/11282082432")
                .interp(1, "0, 0, 0, 0")
                .interp(2, "0, 131558114200/32700410799, -68118460800/10900136933, 87487479700/32700410799")
                .interp(3, "0, -1754552775/470086768, 14199869525/1410260304, -10690763975/1880347072")
                .interp(4, "0, "
                + "127303824393/49829197408, "
                + "-318862633887/49829197408, "
                + "701980252875/199316789632")
                .interp(5, "0, -282668133/205662961, 2019193451/616988883, -1453857185/822651844")
                .interp(6, "0, 40617522/29380423, -110615467/29380423, 69997945/29380423")
                .build();
    }

    static Tableau tsit5() {
        return new Builder("tsit5", 5, 4, true)
                .c("0, "
                + "0.161, "
                + "0.327, "
                + "0.9, "
                + "0.9800255409045096857298102862870245954942137979563024768854764293221195950761080302604, "
                + "1, "
                + "1")
                .a(1, "0.161")
                .a(2, "-0.008480655492356988544426874250230774675121177393430391537369234245294192976164141156943, "
                + "0.3354806554923569885444268742502307746751211773934303915373692342452941929761641411569")
                .a(3, "2.897153057105493432130432594192938764924887287701866490314866693455023795137503079289, "
                + "-6.359448489975074843148159912383825625952700647415626703305928850207288721235210244366, "
                + "4.362295432869581411017727318190886861027813359713760212991062156752264926097707165077")
                .a(4, "5.325864828439256604428877920840511317836476253097040101202360397727981648835607691791, "
                + "-11.74888356406282787774717033978577296188744178259862899288666928009020615663593781589, "
                + "7.495539342889836208304604784564358155658679161518186721010132816213648793440552049753, "
                + "-0.09249506636175524925650207933207191611349983406029535244034750452930469056411389539635")
                .a(5, "5.861455442946420028659251486982647890394337666164814434818157239052507339770711679748, "
                + "-12.92096931784710929170611868178335939541780751955743459166312250439928519268343184452, "
                + "8.159367898576158643180400794539253485181918321135053305748355423955009222648673734986, "
                + "-0.07158497328140099722453054252582973869127213147363544882721139659546372402303777878835, "
                + "-0.02826905039406838290900305721271224146717633626879770007617876201276764571291579142206")
                .a(6, "0.09646076681806522951816731316512876333711995238157997181903319145764851595234062815396, "
                + "0.01, "
                + "0.4798896504144995747752495322905965199130404621990332488332634944254542060153074523509, "
                + "1.379008574103741893192274821856872770756462643091360525934940067397245698027561293331, "
                + "-3.290069515436080679901047585711363850115683290894936158531296799594813811049925401677, "
                + "2.324710524099773982415355918398765796109060233222962411944060046314465391054716027841")
                .b("0.09646076681806522951816731316512876333711995238157997181903319145764851595234062815396, "
                + "0.01, "
                + "0.4798896504144995747752495322905965199130404621990332488332634944254542060153074523509, "
                + "1.379008574103741893192274821856872770756462643091360525934940067397245698027561293331, "
                + "-3.290069515436080679901047585711363850115683290894936158531296799594813811049925401677, "
                + "2.324710524099773982415355918398765796109060233222962411944060046314465391054716027841, "
                + "0")
                .bhat("0.09468075576583945807478876255758922856117527357724631226139574065785592789071067303271, "
                + "0.009183565540343253096776363936645313759813746240984095238905939532922955247253608687270, "
                + "0.4877705284247615707855642599631228241516691959761363774365216240304071651579571959813, "
                + "1.234297566930478985655109673884237654035539930748192848315425833500484878378061439761, "
                + "-2.707712349983525454881109975059321670689605166938197378763992255714444407154902012702, "
                + "1.866628418170587035753719399566211498666255505244122593996591602841258328965767580089, "
                + "1/66")
                .interp(0, "1, -2.7637061972748259, 2.9132554618219127, -1.0530884977290216")
                .interp(1, "0, 0.1317, -0.2234, 0.1017")
                .interp(2, "0, 3.9302962368947515, -5.9410338721315047, 2.4906272856512528")
                .interp(3, "0, -12.411077166933677, 30.338188630282322, -16.548102889244903")
                .interp(4, "0, 37.509313416511039, -88.178904894766401, 47.379521962819281")
                .interp(5, "0, -27.896526289197288, 65.091894674793672, -34.870657861496610")
                .interp(6, "0, 3/2, -4, 5/2")
                .build();
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

    /** Collects a tableau as its source lists it; missing a rows are zero. */
    private static final class Builder {
        private final String name;
        private final int order;
        private final int embedded;
        private final boolean fsal;
        private List<Rational> c = List.of();
        private final List<List<Rational>> a = new ArrayList<>();
        private List<Rational> b = List.of();
        private Optional<List<Rational>> bhat = Optional.empty();
        private final List<List<Rational>> interp = new ArrayList<>();

        Builder(String name, int order, int embedded, boolean fsal) {
            this.name = name;
            this.order = order;
            this.embedded = embedded;
            this.fsal = fsal;
        }

        Builder c(String values) {
            c = coefficients(values);
            while (a.size() < c.size()) {
                a.add(List.of());
            }
            return this;
        }

        Builder a(int row, String values) {
            a.set(row, coefficients(values));
            return this;
        }

        Builder b(String values) {
            b = coefficients(values);
            return this;
        }

        Builder bhat(String values) {
            bhat = Optional.of(coefficients(values));
            return this;
        }

        Builder interp(int row, String values) {
            if (interp.size() != row) {
                throw new IllegalStateException("interp rows must come in order");
            }
            interp.add(coefficients(values));
            return this;
        }

        Tableau build() {
            return new Tableau(name, order, embedded < 0 ? OptionalInt.empty() : OptionalInt.of(embedded), fsal,
                    c, a, b, bhat, interp.isEmpty() ? Optional.empty() : Optional.of(interp));
        }
    }
}
