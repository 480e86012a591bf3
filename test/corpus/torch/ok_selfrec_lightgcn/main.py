# Idiom seen in: Coder-Yu/SELFRec model/graph/LightGCN.py
# Idiom seen in: Coder-Yu/SELFRec util/loss_torch.py
# What it reproduces: LightGCN trains bpr_loss + l2_reg_loss(reg, batch embedding rows)/batch_size with a plain
#   Adam (no weight_decay): the hand-written penalty is the only decay and it is in the backpropagated loss: clean.
import time

from data.loader import FileIO
from LightGCN import LightGCN
from util.conf import ModelConf

if __name__ == '__main__':
    conf = ModelConf('./conf/LightGCN.conf')
    training_data = FileIO.load_data_set(conf['training.set'], conf['model.type'])
    test_data = FileIO.load_data_set(conf['test.set'], conf['model.type'])
    s = time.time()
    rec = LightGCN(conf, training_data, test_data, n_layers=2, emb_size=64, lr=0.001, reg=0.0001)
    rec.train()
    print("Running time: %f s" % (time.time() - s))
