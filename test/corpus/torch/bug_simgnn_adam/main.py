# Idiom seen in: benedekrozemberczki/SimGNN src/simgnn.py
# Idiom seen in: benedekrozemberczki/SimGNN src/param_parser.py
# What it reproduces: SimGNNTrainer.fit builds Adam(model.parameters(), weight_decay=args.weight_decay) with the
#   argparse default 5*10**-4 (real repo): coupled L2 under Adam, and the Linear/GCN biases are decayed too.
"""SimGNN runner."""

from param_parser import parameter_parser
from simgnn import SimGNNTrainer
from utils import tab_printer


def main():
    args = parameter_parser()
    tab_printer(args)
    trainer = SimGNNTrainer(args)
    trainer.fit()


if __name__ == "__main__":
    main()
