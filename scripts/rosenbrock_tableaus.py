#!/usr/bin/env python3
"""Converts rodas4's and rodas5p's coefficients to the standard form odec's language uses.

OrdinaryDiffEq.jl (lib/OrdinaryDiffEqRosenbrockTableaus and lib/OrdinaryDiffEqRosenbrock,
rosenbrock_tableaus.jl) publishes them in Hairer & Wanner's transformed form (IV.7 (7.17)): a, C,
gamma, d, H, m = b and btilde, as doubles. With u = Gamma k (Gamma lower-triangular, gamma on the
diagonal): Gamma = (diag(1/gamma) - C)^-1, alpha = a Gamma, b = m Gamma, bhat = (m - btilde) Gamma, and
the dense output y(theta) = (1 - theta) y0 + theta (y1 + (1 - theta)(K1 + theta K2 + ...)) with
K_r = sum_j (H Gamma)[r][j] k_j gives the polynomials b_i(theta). Computed in 60-digit arithmetic and
printed to 15 significant digits (the doubles are worth about that after the conversion); d and c are
checked against the row sums of Gamma and alpha. Prints the two rosenbrock blocks of
codegen/src/main/resources/io/github/odec/stdlib/rosenbrock.ode (without their comments).

    python3 scripts/rosenbrock_tableaus.py [digits]
"""
import mpmath as mp, sys
mp.mp.dps = 60
def M(rows): return [[mp.mpf(x) for x in r.split()] for r in rows.strip().splitlines()]
def V(s): return [mp.mpf(x) for x in s.replace(',', ' ').split()]

def convert(A, C, gamma, d, H, m, btilde, c):
    s = len(A)
    Ginv = mp.matrix(s, s)
    for i in range(s):
        Ginv[i, i] = 1 / gamma
        for j in range(i):
            Ginv[i, j] = -C[i][j]
    G = Ginv ** -1
    Am = mp.matrix(s, s)
    for i in range(s):
        for j in range(i):
            Am[i, j] = A[i][j]
    alpha = Am * G
    mrow = mp.matrix([m]); b = mrow * G
    mhat = mp.matrix([[m[i] - btilde[i] for i in range(s)]]); bhat = mhat * G
    Hm = mp.matrix(H); P = Hm * G
    R = len(H)
    dense = []
    for j in range(s):
        P_ = [P[r, j] for r in range(R)]
        coeffs = [b[0, j] + P_[0]] + [-P_[r - 1] + P_[r] for r in range(1, R)] + [-P_[R - 1]]
        dense.append(coeffs)
    # sanity: d_i = row sums of Gamma, c_i = row sums of alpha
    for i in range(s):
        gi = sum(G[i, j] for j in range(i + 1))
        ai = sum(alpha[i, j] for j in range(i))
        print(f"// check stage {i}: gamma_i {mp.nstr(gi - d[i], 3)} alpha_i {mp.nstr(ai - c[i], 3)}", file=sys.stderr)
    return alpha, G, b, bhat, dense

def fmt(x, digits):
    if abs(x) < mp.mpf(10) ** (-digits - 5):
        return "0"
    return mp.nstr(x, digits, strip_zeros=False, min_fixed=-mp.inf, max_fixed=mp.inf)

def emit(name, order, emb, gamma, alpha, G, b, bhat, dense, digits, gamma_text):
    s = len(b.tolist()[0]) if hasattr(b, 'tolist') else len(b)
    out = [f"rosenbrock {name} {{", f"    order {order}; embedded {emb};", f"    gamma = {gamma_text};"]
    for i in range(1, s):
        out.append(f"    alpha[{i}] = " + ", ".join(fmt(alpha[i, j], digits) for j in range(i)) + ";")
    for i in range(1, s):
        out.append(f"    gamma[{i}] = " + ", ".join(fmt(G[i, j], digits) for j in range(i)) + ";")
    out.append("    b    = " + ", ".join(fmt(b[0, j], digits) for j in range(s)) + ";")
    out.append("    bhat = " + ", ".join(fmt(bhat[0, j], digits) for j in range(s)) + ";")
    for i in range(s):
        out.append(f"    interp[{i}] = " + ", ".join(fmt(x, digits) for x in dense[i]) + ";")
    out.append("}")
    return "\n".join(out)
digits = int(sys.argv[1]) if len(sys.argv) > 1 else 15
A4 = M("""
0 0 0 0 0 0
1.544 0 0 0 0 0
0.9466785280815826 0.2557011698983284 0 0 0 0
3.314825187068521 2.896124015972201 0.9986419139977817 0 0 0
1.221224509226641 6.019134481288629 12.53708332932087 -0.687886036105895 0 0
1.221224509226641 6.019134481288629 12.53708332932087 -0.687886036105895 1 0
""")
C4 = M("""
0 0 0 0 0
-5.6688 0 0 0 0
-2.430093356833875 -0.2063599157091915 0 0 0
-0.1073529058151375 -9.594562251023355 -20.47028614809616 0 0
7.496443313967647 -10.24680431464352 -33.99990352819905 11.7089089320616 0
8.083246795921522 -7.981132988064893 -31.52159432874371 16.31930543123136 -6.058818238834054
""")
C4 = [r + [0] * (6 - len(r)) for r in C4]
c4 = V("0, 0.386, 0.21, 0.63, 1, 1"); d4 = V("0.25, -0.1043, 0.1035, -0.0362, 0, 0")
H4 = M("""
10.12623508344586 -7.487995877610167 -34.80091861555747 -7.992771707568823 1.025137723295662 0
-0.6762803392801253 6.087714651680015 16.43084320892478 24.76722511418386 -6.594389125716872 0
""")
m4 = A4[5][:5] + [mp.mpf(1)]; bt4 = [0, 0, 0, 0, 0, mp.mpf(1)]
r = convert(A4, C4, mp.mpf('0.25'), d4, H4, m4, bt4, c4)
print(emit("rodas4", 4, 3, None, *r, digits, "1/4"))

A5 = M("""
0 0 0 0 0 0 0 0
3.0 0 0 0 0 0 0 0
2.849394379747939 0.45842242204463923 0 0 0 0 0 0
-6.954028509809101 2.489845061869568 -10.358996098473584 0 0 0 0 0
2.8029986275628964 0.5072464736228206 -0.3988312541770524 -0.04721187230404641 0 0 0 0
-7.502846399306121 2.561846144803919 -11.627539656261098 -0.18268767659942256 0.030198172008377946 0 0 0
-7.502846399306121 2.561846144803919 -11.627539656261098 -0.18268767659942256 0.030198172008377946 1 0 0
-7.502846399306121 2.561846144803919 -11.627539656261098 -0.18268767659942256 0.030198172008377946 1 1 0
""")
C5 = M("""
0 0 0 0 0 0 0
-14.155112264123755 0 0 0 0 0 0
-17.97296035885952 -2.859693295451294 0 0 0 0 0
147.12150275711716 -1.41221402718213 71.68940251302358 0 0 0 0
165.43517024871676 -0.4592823456491126 42.90938336958603 -5.961986721573306 0 0 0
24.854864614690072 -3.0009227002832186 47.4931110020768 5.5814197821558125 -0.6610691825249471 0 0
30.91273214028599 -3.1208243349937974 77.79954646070892 34.28646028294783 -19.097331116725623 -28.087943162872662 0
37.80277123390563 -3.2571969029072276 112.26918849496327 66.9347231244047 -40.06618937091002 -54.66780262877968 -9.48861652309627
""")
C5 = [r + [0] for r in C5]
c5 = V("0, 0.6358126895828704, 0.4095798393397535, 0.9769306725060716, 0.4288403609558664, 1, 1, 1")
d5 = V("0.21193756319429014, -0.42387512638858027, -0.3384627126235924, 1.8046452872882734, 2.325825639765069, 0, 0, 0")
H5 = M("""
25.948786856663858 -2.5579724845846235 10.433815404888879 -2.3679251022685204 0.524948541321073 1.1241088310450404 0.4272876194431874 -0.17202221070155493
-9.91568850695171 -0.9689944594115154 3.0438037242978453 -24.495224566215796 20.176138334709044 15.98066361424651 -6.789040303419874 -6.710236069923372
11.419903575922262 2.8879645146136994 72.92137995996029 80.12511834622643 -52.072871366152654 -59.78993625266729 -0.15582684282751913 4.883087185713722
""")
m5 = A5[7][:7] + [mp.mpf(1)]; bt5 = [0] * 7 + [mp.mpf(1)]
g5 = mp.mpf('0.21193756319429014')
r = convert(A5, C5, g5, d5, H5, m5, bt5, c5)
print(emit("rodas5p", 5, 4, None, *r, digits, "0.21193756319429014"))
