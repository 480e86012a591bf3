# Idiom seen in: chenzRG/Fredformer exp/exp_main.py
# What it reproduces: Fredformer's Regularization module (explicit L2 over every 'weight' tensor) added as
#   loss + 0.01 * reg_loss(model) in both the AMP and the fp32 branch before backward, with a plain Adam that has
#   no weight_decay of its own: the penalty is the only decay and it is trained on. Clean.
import argparse

from exp.exp_main import Exp_Main

parser = argparse.ArgumentParser(description='Fredformer')
parser.add_argument('--pred_len', type=int, default=96)
parser.add_argument('--train_epochs', type=int, default=100)
parser.add_argument('--pct_start', type=float, default=0.3)
parser.add_argument('--learning_rate', type=float, default=0.0001)
parser.add_argument('--cf_weight_decay', type=float, default=5e-4)
parser.add_argument('--use_amp', action='store_true', default=False)
args = parser.parse_args()

if __name__ == '__main__':
    exp = Exp_Main(args)
    exp.train('Fredformer_pl{}'.format(args.pred_len))
