package io.github.odec.cli.plot;

import java.util.List;

/**
 * A figure: a title, a legend shared by all panels, and the panels in reading order.
 *
 * @param legend one name per colour index that the panels' series use
 */
record Plot(String title, List<String> legend, List<Panel> panels) {}
