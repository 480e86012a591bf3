# Idiom seen in: metehancekic/pytorch-tutorials cifar/parameters.py
# What it reproduces: the argparse module of the CIFAR tutorial (lr range, momentum, --weight_decay default
#   0.0005) that main.py reads; the finding is reported in main.py.
import argparse


def get_arguments():
    parser = argparse.ArgumentParser(description="PyTorch CIFAR10 training")
    neural_net = parser.add_argument_group("neural_net", "Neural network arguments")
    neural_net.add_argument("--model", type=str, default="ResNet", choices=["ResNet", "VGG"])
    neural_net.add_argument("--lr_min", type=float, default=0.0, metavar="LR")
    neural_net.add_argument("--lr_max", type=float, default=0.05, metavar="LR")
    neural_net.add_argument("--momentum", type=float, default=0.9, metavar="M")
    neural_net.add_argument("--weight_decay", type=float, default=0.0005, metavar="WD",
                            help="Weight decay (default: 0.0005)")
    neural_net.add_argument("--epochs", type=int, default=100, metavar="N")
    neural_net.add_argument("-b", "--batch_size", type=int, default=128, metavar="N")
    neural_net.add_argument("-tr", "--train", action="store_true", default=False)
    neural_net.add_argument("--log_interval", type=int, default=10)
    return parser.parse_args()
