# Idiom seen in: jrzaurin/RecoTour neural_graph_cf/utils/parser.py
# What it reproduces: the NGCF command line: --reg is the L2 coefficient of the in-forward penalty (default
#   0., the experiment scripts pass e.g. --reg 1e-5), --optimizer picks Adam or RAdam.
import argparse


def parse_args():
    parser = argparse.ArgumentParser(description="Run NGCF.")
    parser.add_argument('--data_dir', type=str, default='Data/')
    parser.add_argument('--dataset', type=str, default='amazon-book')
    parser.add_argument('--model', type=str, default='ngcf', help='Specify the model {bpr, ngcf}')
    parser.add_argument('--n_epochs', type=int, default=200)
    parser.add_argument('--emb_dim', type=int, default=64)
    parser.add_argument('--layers', type=str, default='[64,64]')
    parser.add_argument('--batch_size', type=int, default=1024)
    parser.add_argument('--optimizer', type=str, default="Adam", help='Specify the optimizer {Adam, RAdam}')
    parser.add_argument('--reg', type=float, default=0., help='l2 reg.')
    parser.add_argument('--lr', type=float, default=0.001)
    parser.add_argument('--node_dropout', type=float, default=0.)
    parser.add_argument('--mess_dropout', type=str, default='[0.1,0.1]')
    parser.add_argument('--n_fold', type=int, default=10)
    parser.add_argument('--print_every', type=int, default=1)
    return parser.parse_args()
