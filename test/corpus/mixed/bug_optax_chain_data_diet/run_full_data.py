# Idiom seen in: mansheej/data_diet scripts/run_full_data.py (hyper-parameters set on a types.SimpleNamespace, then train(args))
# What it reproduces: the entry script fixing weight_decay=5e-4 and lr=0.1 for the optax chain in train_state.py (WD203 labelled there).
import sys
from types import SimpleNamespace

from train import train

ROOT = sys.argv[1]
EXP = sys.argv[2]
RUN = int(sys.argv[3])
META_MODEL_SEED, SEED_INCR = 42, 424242
EP_STEPS = 390

args = SimpleNamespace()
# data
args.data_dir = ROOT + '/data'
args.dataset = 'cifar10'
args.num_classes = 10
args.image_shape = (32, 32, 3)
# model
args.model = 'resnet18_lowres'
args.model_seed = META_MODEL_SEED + RUN * SEED_INCR
args.load_dir = None
args.ckpt = 0
# optimizer
args.lr = 0.1
args.beta = 0.9
args.weight_decay = 0.0005
args.nesterov = True
# training
args.num_steps = 200 * EP_STEPS
args.train_batch_size = 128
args.log_steps = EP_STEPS
args.save_dir = ROOT + f'/exps/{EXP}/run_{RUN}'

train(args)
