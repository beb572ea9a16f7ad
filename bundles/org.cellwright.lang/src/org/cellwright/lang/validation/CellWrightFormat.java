package org.cellwright.lang.validation;

import org.cellwright.lang.conversion.CellWrightValueConverter;

/** Number formatting for messages. */
final class CellWrightFormat {
	private CellWrightFormat() {
	}

	static String number(double v) {
		if (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6)
			return CellWrightValueConverter.format(Math.round(v * 1e6) / 1e6);
		return CellWrightValueConverter.format(v);
	}

	static String percent(double fraction) {
		return number(Math.round(fraction * 1e5) / 1e3) + " %";
	}
}
