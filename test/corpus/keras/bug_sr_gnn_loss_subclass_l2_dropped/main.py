# Idiom seen in: Opium1715/SR-GNN-TF-2.X main.py
# What it reproduces: argparse hyper-parameters in the SR-GNN style (--l2 1e-5, --lr_dc, --lr_dc_step), an
#   ExponentialDecay schedule for Adam, compile() with the model-holding loss object and fit(); the session
#   graphs come from a data module that is not part of this folder.
import argparse

from tensorflow import keras

from data_loader import load_sessions
from losses import Loss_with_L2
from model import SessionGraph

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='diginetica', help='dataset name: diginetica/yoochoose1_64')
parser.add_argument('--batchSize', type=int, default=100)
parser.add_argument('--hiddenSize', type=int, default=100)
parser.add_argument('--epoch', type=int, default=30)
parser.add_argument('--lr', type=float, default=0.001)
parser.add_argument('--lr_dc', type=float, default=0.1, help='learning rate decay rate')
parser.add_argument('--lr_dc_step', type=int, default=3, help='the number of epochs after which to decay lr')
parser.add_argument('--l2', type=float, default=1e-5, help='l2 penalty')
opt = parser.parse_args()

if __name__ == '__main__':
    train_data, test_data, n_node, steps_per_epoch = load_sessions(opt.dataset, opt.batchSize)
    model = SessionGraph(n_node=n_node, hidden_size=opt.hiddenSize)
    lr_schedule = keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=opt.lr,
                                                              decay_steps=opt.lr_dc_step * steps_per_epoch,
                                                              decay_rate=opt.lr_dc, staircase=True)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=lr_schedule),
                  loss=Loss_with_L2(model=model, l2=opt.l2, name='scc_loss_with_l2'),
                  metrics=[keras.metrics.SparseTopKCategoricalAccuracy(k=20, name='P@20')])
    model.fit(train_data, epochs=opt.epoch, validation_data=test_data)
