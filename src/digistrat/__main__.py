from digistrat.entry import main

main(fast_exit=False)
