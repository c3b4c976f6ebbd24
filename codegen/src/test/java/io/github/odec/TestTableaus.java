package io.github.odec;

import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Test-only tableaus until the standard library (tableaus.ode) is merged; to be replaced by it.
 * Coefficients from Butcher (euler, midpoint, rk4, heun), Bogacki-Shampine (bosh3) and Dormand-Prince
 * (dopri5, with Hairer's dense output as in DOPRI5's CONTD5, converted here to b_i(theta) polynomials) and
 * Tsitouras 2011 (tsit5, decimals to 25 digits; its interpolation in the expanded form OrdinaryDiffEq uses).
 */
public final class TestTableaus {

    private TestTableaus() {}

    public static List<Tableau> all() {
        return List.of(euler(), midpoint(), rk4(), heun(), bosh3(), dopri5(), tsit5());
    }

    public static Tableau euler() {
        return fixed("euler", 1, v("0"), rows(), v("1"));
    }

    public static Tableau midpoint() {
        return fixed("midpoint", 2, v("0", "1/2"), rows(v("1/2")), v("0", "1"));
    }

    public static Tableau rk4() {
        return fixed("rk4", 4, v("0", "1/2", "1/2", "1"),
                rows(v("1/2"), v("0", "1/2"), v("0", "0", "1")), v("1/6", "1/3", "1/3", "1/6"));
    }

    public static Tableau heun() {
        return new Tableau("heun", 2, OptionalInt.of(1), false, v("0", "1"), withFirstRow(rows(v("1"))),
                v("1/2", "1/2"), Optional.of(v("1", "0")), Optional.empty());
    }

    public static Tableau bosh3() {
        return new Tableau("bosh3", 3, OptionalInt.of(2), true, v("0", "1/2", "3/4", "1"),
                withFirstRow(rows(v("1/2"), v("0", "3/4"), v("2/9", "1/3", "4/9"))),
                v("2/9", "1/3", "4/9", "0"), Optional.of(v("7/24", "1/4", "1/3", "1/8")), Optional.empty());
    }

    public static Tableau dopri5() {
        List<Rational> b = v("35/384", "0", "500/1113", "125/192", "-2187/6784", "11/84", "0");
        List<List<Rational>> a = withFirstRow(rows(
                v("1/5"),
                v("3/40", "9/40"),
                v("44/45", "-56/15", "32/9"),
                v("19372/6561", "-25360/2187", "64448/6561", "-212/729"),
                v("9017/3168", "-355/33", "46732/5247", "49/176", "-5103/18656"),
                v("35/384", "0", "500/1113", "125/192", "-2187/6784", "11/84")));
        // Hairer's CONTD5: y(theta) = y0 + theta (r2 + (1-theta) (r3 + theta (r4 + (1-theta) r5))) with
        // r2 = h sum b_i k_i, r3 = h k1 - r2, r4 = r2 - h k7 - r3, r5 = h sum d_i k_i.
        List<Rational> d = v("-12715105075/11282082432", "0", "87487479700/32700410799",
                "-10690763975/1880347072", "701980252875/199316789632", "-1453857185/822651844",
                "69997945/29380423");
        List<List<Rational>> interp = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Rational r2 = b.get(i);
            Rational r3 = (i == 0 ? Rational.ONE : Rational.ZERO).minus(r2);
            Rational r4 = r2.minus(i == 6 ? Rational.ONE : Rational.ZERO).minus(r3);
            Rational r5 = d.get(i);
            // theta r2 + (theta - theta^2) r3 + (theta^2 - theta^3) r4 + (theta^2 - 2 theta^3 + theta^4) r5
            interp.add(List.of(r2.plus(r3), r4.plus(r5).minus(r3), r4.negate().minus(r5.plus(r5)), r5));
        }
        return new Tableau("dopri5", 5, OptionalInt.of(4), true, v("0", "1/5", "3/10", "4/5", "8/9", "1", "1"), a, b,
                Optional.of(v("5179/57600", "0", "7571/16695", "393/640", "-92097/339200", "187/2100", "1/40")),
                Optional.of(interp));
    }

    /**
     * Tsit5's coefficients are irrational; the first column is set from the row sums and b_1 of the
     * embedded weights from sum(bhat) = 1, so the exact-arithmetic rules hold for the truncated decimals.
     */
    public static Tableau tsit5() {
        List<Rational> c = v("0", "161/1000", "327/1000", "9/10", "0.9800255409045096857298102862870245954942", "1", "1");
        List<List<Rational>> tail = List.of(
                v(),
                v("0.3354806554923569885444268742502307746751"),
                v("-6.359448489975074843148159912383825625953", "4.362295432869581411017727318190886861028"),
                v("-11.74888356406282787774717033978577296189", "7.495539342889836208304604784564358155659",
                        "-0.09249506636175524925650207933207191611350"),
                v("-12.92096931784710929170611868178335939542", "8.159367898576158643180400794539253485182",
                        "-0.07158497328140099722453054252582973869127", "-0.02826905039406838290900305721271224146718"),
                v("1/100", "0.4798896504144995747752495322905965199130", "1.379008574103741893192274821856872770756",
                        "-3.290069515436080679901047585711363850116", "2.324710524099773982415355918398765796109"));
        List<List<Rational>> a = new ArrayList<>();
        a.add(List.of());
        for (int i = 1; i < 7; i++) {
            Rational rest = Rational.ZERO;
            for (Rational x : tail.get(i - 1)) {
                rest = rest.plus(x);
            }
            List<Rational> row = new ArrayList<>();
            row.add(c.get(i).minus(rest));
            row.addAll(tail.get(i - 1));
            a.add(row);
        }
        List<Rational> b = new ArrayList<>(a.get(6));
        b.add(Rational.ZERO);
        // bhat = b + btilde (OrdinaryDiffEq's btilde = bhat - b).
        List<Rational> btilde = v("0", "-0.0008164344596567469032236360633546862401863",
                "0.007880878010261996010314727672526304238629", "-0.1447110071732629075371651479726351167209",
                "0.5823571654525552250199376106520421794261", "-0.4580821059291869466616365188325542974428", "1/66");
        List<Rational> bhat = new ArrayList<>();
        Rational others = Rational.ZERO;
        for (int i = 0; i < 7; i++) {
            bhat.add(b.get(i).plus(btilde.get(i)));
            others = i > 0 ? others.plus(bhat.get(i)) : others;
        }
        bhat.set(0, Rational.ONE.minus(others));
        List<List<Rational>> interp = List.of(
                v("1", "-2.763706197274825911336735930481400260916", "2.913255461821912743750680993068080", "-1.0530884977290216"),
                v("0", "0.13169999999999999727", "-0.22339999999999999818", "0.1017"),
                v("0", "3.930296236894751528506874467098133980", "-5.941033872131504734702492025894580010", "2.490627285651252793"),
                v("0", "-12.41107716693367698373438154068545348410", "30.33818863028232159817299036918365760", "-16.54810288924490272"),
                v("0", "37.50931341651103919496903965334519631242", "-88.17890489476640110142766935412098170", "47.37952196281928122"),
                v("0", "-27.89652628919728780594826314459864389600", "65.09189467479367152629021928716553658", "-34.87065786149660974"),
                v("0", "1.5", "-4", "2.5"));
        return new Tableau("tsit5", 5, OptionalInt.of(4), true, c, a, b, Optional.of(bhat), Optional.of(interp));
    }

    private static Tableau fixed(String name, int order, List<Rational> c, List<List<Rational>> a, List<Rational> b) {
        return new Tableau(name, order, OptionalInt.empty(), false, c, withFirstRow(a), b, Optional.empty(),
                Optional.empty());
    }

    private static List<List<Rational>> withFirstRow(List<List<Rational>> rest) {
        if (!rest.isEmpty() && rest.getFirst().isEmpty()) {
            return rest;
        }
        List<List<Rational>> a = new ArrayList<>();
        a.add(List.of());
        a.addAll(rest);
        return a;
    }

    @SafeVarargs
    private static List<List<Rational>> rows(List<Rational>... rows) {
        return Arrays.asList(rows);
    }

    static List<Rational> v(String... xs) {
        return Arrays.stream(xs).map(TestTableaus::rational).toList();
    }

    private static Rational rational(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return Rational.ofDecimal(s);
        }
        return new Rational(new java.math.BigInteger(s.substring(0, slash)), new java.math.BigInteger(s.substring(slash + 1)));
    }
}
