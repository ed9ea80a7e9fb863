/**
 * Client-side encryption of an offsite vault: a passphrase, stretched with scrypt, wraps a
 * random data key kept in the bucket; objects are AES-256-GCM in authenticated chunks, so a
 * dump streams through in constant memory and a flipped, reordered or missing chunk is caught.
 */
package app.mamori.vault.crypto;
