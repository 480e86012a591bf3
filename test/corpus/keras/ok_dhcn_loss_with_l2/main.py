# Idiom seen in: Opium1715/DHCN main.py
# What it reproduces: the DHCN session-recommendation entry point: argparse l2=1e-5, the hypergraph model from a model
#   package the folder does not hold, compile(Adam with an exponential schedule, loss=Loss_with_L2(model, l2)) and fit;
#   the penalty is part of the compiled loss and plain Adam has no decay of its own; clean.
import argparse
import datetime
import os
import pickle

from tensorflow import keras

from model import DHCN
from utils.dataloader import compute_item_num, DataLoader
from loss import Loss_with_L2

parser = argparse.ArgumentParser()
parser.add_argument('--embSize', type=int, default=100, help='embedding size')
parser.add_argument('--l2', type=float, default=1e-5, help='l2 penalty')
parser.add_argument('--lr', type=float, default=0.001, help='learning rate')
parser.add_argument('--lr_dc', type=float, default=0.1, help='learning rate decay rate')
parser.add_argument('--lr_dc_step', type=int, default=3, help='epochs after which the learning rate decays')
parser.add_argument('--layer', type=int, default=3, help='the number of layer used')
parser.add_argument('--beta', type=float, default=0.02, help='ssl task maginitude')
opt = parser.parse_args()

train_data = pickle.load(open("dataset/tmall/train.txt", 'rb'))
test_data = pickle.load(open("dataset/tmall/test.txt", "rb"))
all_train_data = pickle.load(open("dataset/tmall/all_train_seq.txt", 'rb'))
item_num = compute_item_num(all_train_data)
epoch_steps = len(train_data[1]) / 100
train_dataloader = DataLoader(train_data, n_node=item_num, train_mode=True).dataloader()
test_dataloader = DataLoader(test_data, n_node=item_num, train_mode=False).dataloader()

save_dir = 'logs'
time_str = datetime.datetime.strftime(datetime.datetime.now(), '%Y_%m_%d_%H_%M_%S')
model = DHCN(train_data.get_adj(), item_num, emb_size=opt.embSize, layers=opt.layer, beta=opt.beta)
lr_schedule = keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=opt.lr,
                                                          decay_rate=opt.lr_dc,
                                                          decay_steps=opt.lr_dc_step * epoch_steps,
                                                          staircase=True)
early_stopping = keras.callbacks.EarlyStopping(monitor='val_loss', patience=5, verbose=1)
csv_logger = keras.callbacks.CSVLogger(os.path.join(save_dir, 'log_' + time_str + '.csv'))
model.compile(optimizer=keras.optimizers.Adam(learning_rate=lr_schedule),
              loss=Loss_with_L2(model=model, l2=opt.l2),
              run_eagerly=False)
model.fit(x=train_dataloader, epochs=30, verbose=1,
          callbacks=[early_stopping, csv_logger], validation_data=test_dataloader)
