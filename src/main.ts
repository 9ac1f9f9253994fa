/** The app's entry: defines `<luister-app>` (index.html places it) and everything it uses. */
import './ui/app/luister-app.ts';
