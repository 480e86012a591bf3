# Idiom seen in: xiangwang1223/neural_graph_collaborative_filtering NGCF/NGCF.py (the args fields it reads:
#   eval(args.regs), eval(args.layer_size), args.embed_size, args.lr); the repo parses them in NGCF/utility/parser.py
# What it reproduces: argparse hyper-parameters where list-valued options (layer sizes, regularization
#   weights) are passed as strings and eval()-ed by the model: --regs '[1e-5]' holds the embedding decay.
import argparse


def parse_args():
    parser = argparse.ArgumentParser(description="Run NGCF.")
    parser.add_argument('--data_path', nargs='?', default='../Data/')
    parser.add_argument('--dataset', nargs='?', default='gowalla')
    parser.add_argument('--epoch', type=int, default=400)
    parser.add_argument('--embed_size', type=int, default=64)
    parser.add_argument('--layer_size', nargs='?', default='[64,64,64]')
    parser.add_argument('--batch_size', type=int, default=1024)
    parser.add_argument('--regs', nargs='?', default='[1e-5]',
                        help='Regularizations (embedding decay).')
    parser.add_argument('--lr', type=float, default=0.0001)
    parser.add_argument('--node_dropout', nargs='?', default='[0.1]')
    parser.add_argument('--mess_dropout', nargs='?', default='[0.1,0.1,0.1]')
    parser.add_argument('--verbose', type=int, default=1)
    return parser.parse_args()
