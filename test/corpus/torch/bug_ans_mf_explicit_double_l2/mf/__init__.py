# Idiom seen in: yul091/ANS mf/model.py
# Idiom seen in: yul091/ANS main.py
# What it reproduces: the real double decay of ANS MF._explicit: the optimizer class picked from --optim
# (default Adagrad here, as the repo run scripts pass) gets weight_decay=args.l2 AND the same args.l2
# is added to the loss as l2 * sum(p_u**2) + l2 * sum(q_i**2) on the looked-up embeddings.
