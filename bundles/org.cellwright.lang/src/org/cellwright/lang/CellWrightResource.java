package org.cellwright.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;

import org.eclipse.xtext.linking.lazy.LazyLinkingResource;

/**
 * The resource of a .cell file. A byte-order mark at the start (as Windows editors write UTF-8) is skipped when the
 * file is read, by the CLI and by the IDE's builder alike.
 */
public class CellWrightResource extends LazyLinkingResource {

	/** The byte-order mark as a character (U+FEFF), whatever the encoding. */
	public static final char BYTE_ORDER_MARK = '\uFEFF';

	@Override
	protected Reader createReader(InputStream inputStream) throws IOException {
		PushbackReader reader = new PushbackReader(super.createReader(inputStream), 1);
		int first = reader.read();
		if (first >= 0 && first != BYTE_ORDER_MARK)
			reader.unread(first);
		return reader;
	}
}
