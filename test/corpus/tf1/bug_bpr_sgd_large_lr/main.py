# Idiom seen in: lzheng21/DIAN main.py
# Idiom seen in: lzheng21/DIAN models/BPR.py
# What it reproduces: a realistic switch of the repository's driver from Adam(0.01) to plain SGD with a
# large step "because the mean BPR loss barely moves the embeddings": lr * lambda = 100 * 0.02 = 2, so
# the L2 term alone gives row := row * (1 - 2) each step (flips sign), for users and items alike.
from load_data import Data
from bpr import BPR

data = Data(train_file='data/ml-1m/' + 'train_users.dat', test_file='data/ml-1m/' + 'test_users.dat')
model = BPR(data, emb_dim=64, batch_size=1024,
            lambda_u=0.02,  # expect: WD301
            lambda_v=0.02)  # expect: WD301
model.train(6000, lr=100.0, optimizer='SGD')
print(model.predict(list(range(1024))))
