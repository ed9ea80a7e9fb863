/**
 * The {@code s3-bucket} source: an application's bucket pulled object by object into the same
 * hard-linked snapshot layout and index as a {@code files} source (so checks, the file browser
 * and partial restores work alike), and objects put back into a bucket. Keys come from the
 * bucket and are trusted no more than a server's file listing.
 */
package app.mamori.source.bucket;
