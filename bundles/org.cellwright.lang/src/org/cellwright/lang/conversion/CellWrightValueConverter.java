package org.cellwright.lang.conversion;

import java.math.BigDecimal;

import org.cellwright.lang.text.Printable;
import org.cellwright.model.CurrentSign;
import org.cellwright.model.MaterialKind;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;

/** Numbers as written ("-0.3", "1e-4") to doubles and back in their shortest readable form. */
public class CellWrightValueConverter extends DefaultTerminalConverters {

	/** The shortest text that reads back as exactly {@code v}: 30, 0.785, 1e-4, -3.04. */
	public static String format(double v) {
		if (Double.isNaN(v) || Double.isInfinite(v))
			throw new ValueConverterException("not a finite number: " + v, null, null);
		if (v == 0)
			return "0";
		BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
		String plain = d.toPlainString();
		if (plain.length() <= 12)
			return plain;
		return Double.toString(v).replace("E", "e").replace(".0e", "e");
	}

	private static class DoubleConverter implements IValueConverter<Double> {
		private final boolean signed;

		DoubleConverter(boolean signed) {
			this.signed = signed;
		}

		@Override
		public Double toValue(String string, INode node) {
			if (string == null || string.isBlank())
				throw new ValueConverterException("a number is missing", node, null);
			double v;
			try {
				v = Double.parseDouble(string.trim());
			} catch (NumberFormatException e) {
				// no cause: Xtext would show the cause's raw message ("For input string: ...") instead of this one
				throw new ValueConverterException("not a number: '" + Printable.escape(string) + "'", node, null);
			}
			if (Double.isInfinite(v) || Double.isNaN(v))
				throw new ValueConverterException("number out of range: " + Printable.escape(string.trim())
						+ " is beyond the largest number (about 1.8e308)", node, null);
			if (v == 0 ? hasNonZeroDigit(string) : Math.abs(v) < Double.MIN_NORMAL)
				throw new ValueConverterException("number out of range: " + Printable.escape(string.trim())
						+ " is too close to zero to be represented (the smallest is about 2.2e-308); write 0 if zero is meant",
						node, null);
			return v;
		}

		@Override
		public String toString(Double value) {
			if (value == null)
				throw new ValueConverterException("a number is missing", null, null);
			if (!signed && value < 0)
				throw new ValueConverterException("negative number where only unsigned ones are allowed", null, null);
			return format(value);
		}
	}

	/** True if the mantissa of a number as written has a digit other than 0 (so the number is not zero). */
	static boolean hasNonZeroDigit(String number) {
		for (int i = 0; i < number.length(); i++) {
			char c = number.charAt(i);
			if (c == 'e' || c == 'E')
				return false;
			if (c >= '1' && c <= '9')
				return true;
		}
		return false;
	}

	@ValueConverter(rule = "Number")
	public IValueConverter<Double> Number() {
		return new DoubleConverter(true);
	}

	@ValueConverter(rule = "UnsignedNumber")
	public IValueConverter<Double> UnsignedNumber() {
		return new DoubleConverter(false);
	}

	@ValueConverter(rule = "MaterialKindName")
	public IValueConverter<MaterialKind> MaterialKindName() {
		return new IValueConverter<MaterialKind>() {
			@Override
			public MaterialKind toValue(String string, INode node) {
				MaterialKind k = string == null ? null : MaterialKind.get(string.trim());
				if (k == null) {
					StringBuilder known = new StringBuilder();
					for (MaterialKind x : MaterialKind.VALUES)
						known.append(known.length() == 0 ? "" : ", ").append(x.getLiteral());
					throw new ValueConverterException("unknown material kind '" + Printable.escape(string) + "'; known: " + known, node, null);
				}
				return k;
			}

			@Override
			public String toString(MaterialKind value) {
				if (value == null)
					throw new ValueConverterException("no material kind", null, null);
				return value.getLiteral();
			}
		};
	}

	@ValueConverter(rule = "CurrentSignName")
	public IValueConverter<CurrentSign> CurrentSignName() {
		return new IValueConverter<CurrentSign>() {
			@Override
			public CurrentSign toValue(String string, INode node) {
				CurrentSign s = string == null ? null : CurrentSign.get(string.trim());
				if (s == null)
					throw new ValueConverterException("unknown current sign '" + Printable.escape(string)
							+ "'; known: charge-positive (CellWright's convention, the default), discharge-positive (the file's current is flipped when read)",
							node, null);
				return s;
			}

			@Override
			public String toString(CurrentSign value) {
				if (value == null)
					throw new ValueConverterException("no current sign", null, null);
				return value.getLiteral();
			}
		};
	}

	@ValueConverter(rule = "Integer")
	public IValueConverter<Integer> Integer() {
		return new IValueConverter<Integer>() {
			@Override
			public Integer toValue(String string, INode node) {
				try {
					return java.lang.Integer.valueOf(string.trim());
				} catch (NumberFormatException | NullPointerException e) {
					// no cause: Xtext would show the cause's raw message ("For input string: ...") instead of this one
					throw new ValueConverterException("expected a whole number from 0 to " + java.lang.Integer.MAX_VALUE
							+ " (e.g. 35), not '" + Printable.escape(string) + "'", node, null);
				}
			}

			@Override
			public String toString(Integer value) {
				if (value == null || value < 0)
					throw new ValueConverterException("expected a whole number >= 0", null, null);
				return value.toString();
			}
		};
	}
}
