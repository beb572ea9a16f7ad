package org.cellwright.lang.conversion;

import java.math.BigDecimal;
import java.util.List;

import org.cellwright.lang.text.Printable;
import org.cellwright.model.CurrentSign;
import org.cellwright.model.MaterialKind;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.emf.common.util.Enumerator;
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
				throw new ValueConverterException("not a number: " + Printable.quoted(string), node, null);
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

	/**
	 * An enum of the model written as its literal (a material kind, a current sign): any name parses (the rules are
	 * datatype rules), so that an unknown one is this converter's message at its line, naming the known ones.
	 */
	private static final class LiteralConverter<E extends Enumerator> implements IValueConverter<E> {
		private final String what, known;
		private final List<E> values;

		LiteralConverter(String what, List<E> values, String known) {
			this.what = what;
			this.values = values;
			this.known = known;
		}

		@Override
		public E toValue(String string, INode node) {
			String name = string == null ? "" : string.trim();
			for (E e : values)
				if (e.getLiteral().equals(name))
					return e;
			throw new ValueConverterException("unknown " + what + " " + Printable.quoted(string) + "; known: " + known, node, null);
		}

		@Override
		public String toString(E value) {
			if (value == null)
				throw new ValueConverterException("no " + what, null, null);
			return value.getLiteral();
		}
	}

	@ValueConverter(rule = "MaterialKindName")
	public IValueConverter<MaterialKind> MaterialKindName() {
		return new LiteralConverter<>("material kind", MaterialKind.VALUES,
				String.join(", ", MaterialKind.VALUES.stream().map(MaterialKind::getLiteral).toList()));
	}

	@ValueConverter(rule = "CurrentSignName")
	public IValueConverter<CurrentSign> CurrentSignName() {
		return new LiteralConverter<>("current sign", CurrentSign.VALUES,
				"charge-positive (CellWright's convention, the default), discharge-positive (the file's current is flipped when read)");
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
							+ " (e.g. 35), not " + Printable.quoted(string), node, null);
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
