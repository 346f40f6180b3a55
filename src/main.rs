fn main() {
    kiroku::start();
}
