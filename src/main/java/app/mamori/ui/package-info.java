/**
 * The desktop app: JavaFX views and view models, one package per feature. The only package
 * that imports JavaFX; it reaches the engine through view models and listener interfaces.
 */
package app.mamori.ui;
