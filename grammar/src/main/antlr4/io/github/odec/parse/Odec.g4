// The odec language: systems of ODEs, Runge-Kutta tableaus and Rosenbrock methods. See docs/language.md.
grammar Odec;

file
    : declaration* EOF
    ;

declaration
    : systemDecl
    | tableauDecl
    | rosenbrockDecl
    ;

// ---------------------------------------------------------------- systems

systemDecl
    : SYSTEM ident LBRACE systemItem* RBRACE
    ;

systemItem
    : kind=(STATE | PARAM) declarator (COMMA declarator)* SEMI   # componentDecl
    | CONST ident ASSIGN expr SEMI                               # constDecl
    | OBSERVE ident ASSIGN reduction=ident LPAREN expr RPAREN SEMI  # observeDecl
    | EVENT ident WHEN lhs=expr CROSSES rhs=expr direction=(RISING | FALLING)? eventAction* (SEMI | resetBlock)  # eventDecl
    | bodyItem                                                   # dynamicsItem
    ;

// What may appear both at system level and inside a loop body.
bodyItem
    : LET ident ASSIGN expr SEMI                                 # letDecl
    | ident (LBRACK index=expr RBRACK)? PRIME ASSIGN expr SEMI   # derivativeDecl
    | FOR ident IN from=expr DOTDOT to=expr LBRACE bodyItem* RBRACE  # forLoop
    ;

// More than one action parses, so that the checker can point at the second one.
eventAction
    : resetBlock
    | TERMINATE
    ;

resetBlock
    : LBRACE resetAssign* RBRACE
    ;

resetAssign
    : ident (LBRACK index=expr RBRACK)? ASSIGN expr SEMI
    ;

declarator
    : ident (LBRACK size=expr RBRACK)? (ASSIGN initializer)?
    ;

initializer
    : LBRACK expr (COMMA expr)* RBRACK                           # listInit
    | expr                                                       # scalarInit
    ;

// Alternatives are listed from the tightest binding to the loosest.
expr
    : NUMBER                                                     # numberExpr
    | PI                                                         # piExpr
    | T                                                          # timeExpr
    | ident LPAREN (expr (COMMA expr)*)? RPAREN                  # callExpr
    | ident LBRACK expr RBRACK                                   # indexExpr
    | ident                                                      # nameExpr
    | LPAREN expr RPAREN                                         # parenExpr
    | <assoc = right> expr op=CARET expr                         # binaryExpr
    | op=(MINUS | PLUS | BANG) expr                              # unaryExpr
    | expr op=(STAR | SLASH | PERCENT) expr                      # binaryExpr
    | expr op=(PLUS | MINUS) expr                                # binaryExpr
    | expr op=(LT | LE | GT | GE) expr                           # binaryExpr
    | expr op=(EQ | NE) expr                                     # binaryExpr
    | expr op=AND expr                                           # binaryExpr
    | expr op=OR expr                                            # binaryExpr
    | <assoc = right> expr QUESTION expr COLON expr              # conditionalExpr
    ;

// The method words are keywords only inside a method, and the event words only inside an event,
// so systems may name things a, b, gamma, order, event, falling...
ident
    : ID | ORDER | EMBEDDED | FSAL | C | A | B | BHAT | INTERP | GAMMA | ALPHA | ROSENBROCK
    | EVENT | WHEN | CROSSES | RISING | FALLING | TERMINATE
    ;

// ---------------------------------------------------------------- tableaus

tableauDecl
    : TABLEAU ident LBRACE tableauItem* RBRACE
    ;

// A Rosenbrock method shares the tableau's lines; each checker rejects the lines that are not its own
// (c, a and fsal belong to tableaus, gamma and alpha to Rosenbrock methods) with a positioned message.
rosenbrockDecl
    : ROSENBROCK ident LBRACE tableauItem* RBRACE
    ;

tableauItem
    : ORDER NUMBER SEMI                                          # orderItem
    | EMBEDDED NUMBER SEMI                                       # embeddedItem
    | FSAL SEMI                                                  # fsalItem
    | kind=(C | B | BHAT | GAMMA) ASSIGN coefficients SEMI       # vectorItem
    | kind=(A | INTERP | ALPHA | GAMMA) LBRACK NUMBER RBRACK ASSIGN coefficients SEMI  # rowItem
    ;

coefficients
    : coefficient (COMMA coefficient)*
    ;

// Exact: an integer or decimal, optionally signed, optionally divided by another.
coefficient
    : num=signedNumber (SLASH den=signedNumber)?
    ;

signedNumber
    : MINUS? NUMBER
    ;

// ---------------------------------------------------------------- tokens

SYSTEM   : 'system';
TABLEAU  : 'tableau';
STATE    : 'state';
PARAM    : 'param';
CONST    : 'const';
OBSERVE  : 'observe';
LET      : 'let';
FOR      : 'for';
IN       : 'in';
ORDER    : 'order';
EMBEDDED : 'embedded';
FSAL     : 'fsal';
C        : 'c';
A        : 'a';
B        : 'b';
BHAT     : 'bhat';
INTERP   : 'interp';
GAMMA    : 'gamma';
ALPHA    : 'alpha';
// After the tableau words: a name token, listed with them where a parser error says "a name".
ROSENBROCK : 'rosenbrock';
T        : 't';
PI       : 'pi';
EVENT    : 'event';
WHEN     : 'when';
CROSSES  : 'crosses';
RISING   : 'rising';
FALLING  : 'falling';
TERMINATE: 'terminate';

NUMBER
    : DIGITS ('.' DIGITS)? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;
ID : [A-Za-z_] [A-Za-z0-9_]*;

PRIME    : '\'';
LBRACE   : '{';
RBRACE   : '}';
LBRACK   : '[';
RBRACK   : ']';
LPAREN   : '(';
RPAREN   : ')';
SEMI     : ';';
COMMA    : ',';
DOTDOT   : '..';
LE       : '<=';
GE       : '>=';
EQ       : '==';
NE       : '!=';
AND      : '&&';
OR       : '||';
ASSIGN   : '=';
LT       : '<';
GT       : '>';
BANG     : '!';
QUESTION : '?';
COLON    : ':';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';
PERCENT  : '%';
CARET    : '^';

LINE_COMMENT  : '//' ~[\r\n]* -> skip;
BLOCK_COMMENT : '/*' .*? '*/' -> skip;
// U+FEFF: a byte-order mark at the start of a file is not text (SourceFile.read drops it; this
// covers callers that read the file themselves).
WS            : [ \t\r\n\f\uFEFF]+ -> skip;

// Any other character becomes a token the parser rejects, so it is reported as a syntax error
// with the usual "expected ..." message instead of a separate lexer complaint.
UNEXPECTED_CHAR : .;

fragment DIGITS   : [0-9]+;
fragment EXPONENT : [eE] [+-]? DIGITS;
