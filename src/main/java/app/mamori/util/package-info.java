/** Small helpers with no domain meaning that several packages share: cancellation, byte formatting. */
package app.mamori.util;
