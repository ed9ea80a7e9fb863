/** The servers Mamori reaches, and the way to add one (the server wizard). */
package app.mamori.ui.servers;
